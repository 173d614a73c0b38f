#!/usr/bin/env bash
# Reproducible builds: builds the published modules twice from clean (release profile, no signing, no tests) and
# compares every jar they publish (main, sources and Javadoc) byte for byte. The second
# build runs in a copy of the tree elsewhere, with another time zone, umask and locale, so that an absolute path,
# a local time or a file mode leaking into a jar shows up too. Nothing is installed: the jars are copied aside
# from each module's target/. Exits non-zero naming every jar that differs (and the entries inside it that do).
# Extra arguments go to both Maven runs (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The modules a deploy publishes: every module but those whose pom sets maven.deploy.skip (the one rule, see pom.xml).
mapfile -t unpublished < <(grep -rl --include=pom.xml --exclude-dir=target --exclude-dir=.git \
    '<maven.deploy.skip>true</maven.deploy.skip>' . | xargs -n1 dirname | sed 's|^\./||' | sort)
mapfile -t published < <(find . -name pom.xml -not -path '*/target/*' -not -path './.git/*' | xargs -n1 dirname \
    | sed 's|^\./||' | sort | grep -vxF -f <(printf '%s\n' "${unpublished[@]}"))
# the published modules and what they need to build (test-only modules such as sso-test-idp), not the rest
selection=$(IFS=,; echo "${published[*]}")

build() { # build <tree> <copy-to>
    (cd "$1" && mvn -B -q -P release -Dgpg.skip -DskipTests clean verify -pl "$selection" -am "${extra[@]}")
    for module in "${published[@]}"; do
        for jar in "$1/$module"/target/*.jar; do
            [ -e "$jar" ] || continue
            mkdir -p "$2/$module" && cp "$jar" "$2/$module/"
        done
    done
}
extra=("$@")

start=$SECONDS
build "$root" "$work/first"
echo "reproducible.sh: first build $((SECONDS - start)) s"

# the second build: the same sources (as they are in the working tree), another directory and environment
mkdir "$work/tree"
tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$work/tree" -xf -
start=$SECONDS
(umask 0002 && TZ=Asia/Kathmandu LC_ALL=C.UTF-8 LANG=C.UTF-8 build "$work/tree" "$work/second")
echo "reproducible.sh: second build $((SECONDS - start)) s"

mapfile -t jars < <( (cd "$work/first" && find . -name '*.jar'; cd "$work/second" && find . -name '*.jar') \
    | sed 's|^\./||' | sort -u)
differ=()
for jar in "${jars[@]}"; do
    cmp -s "$work/first/$jar" "$work/second/$jar" 2>/dev/null || differ+=("$jar")
done

if [ "${#jars[@]}" -eq 0 ]; then
    echo "reproducible.sh: no published jar was built" >&2
    exit 1
fi
if [ "${#differ[@]}" -gt 0 ]; then
    echo "reproducible.sh: these published jars differ between two builds of the same sources:" >&2
    for jar in "${differ[@]}"; do
        echo "  $jar" >&2
        if [ -f "$work/first/$jar" ] && [ -f "$work/second/$jar" ]; then
            # size, CRC, date and name of each entry, so the differing entries stand out
            diff <(unzip -v "$work/first/$jar" | tail -n +2) <(unzip -v "$work/second/$jar" | tail -n +2) \
                | head -20 | sed 's/^/      /' >&2 || true
        else
            echo "      built only once" >&2
        fi
    done
    exit 1
fi
echo "reproducible.sh: all ${#jars[@]} published jars are identical in both builds"
