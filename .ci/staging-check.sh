#!/usr/bin/env bash
# What a release would publish, checked without publishing: the release build (no signing key, no tests) with a
# deploy:deploy into target/staging, a plain directory standing in for Maven Central; then build-checks'
# StagedRepositoryTest reads it: exactly the published modules, each with its jar, sources, Javadoc and pom,
# every pom acceptable to Central. Running the release profile here also keeps it from rotting (Javadoc with
# doclint included). Extra arguments go to the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
staging=$PWD/target/staging
rm -rf "$staging"

# A snapshot deploy caches the target repository's metadata in the local repository, named after the repository
# id. The id below is used nowhere else, so those files are inert; they are removed (even when the build fails
# half-way) so ~/.m2 is left as it was.
forget_staging_metadata() {
    local local_repo=$HOME/.m2/repository
    [ -d "$local_repo/io/gatehouse" ] || return 0
    find "$local_repo/io/gatehouse" -name 'maven-metadata-gatehouse-staging.xml*' -delete
    # resolver-status.properties files that record nothing but that metadata
    find "$local_repo/io/gatehouse" -name resolver-status.properties -print0 | while IFS= read -r -d '' status; do
        if ! grep -v '^#' "$status" | grep -qv 'gatehouse-staging'; then rm -f "$status"; fi
    done
    find "$local_repo/io/gatehouse" -type d -empty -delete
}
trap forget_staging_metadata EXIT

mvn -B -P release -Dgpg.skip -DskipTests "$@" verify deploy:deploy \
    -DaltDeploymentRepository="gatehouse-staging::file:$staging"

mvn -B -pl build-checks test -Dtest=StagedRepositoryTest
