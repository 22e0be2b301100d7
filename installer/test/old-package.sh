# The latchkeyd package of an older commit, for the upgrade with a schema migration (sourced by
# test-packages.sh).
# shellcheck shell=bash
# shellcheck disable=SC2154 # CACHE comes from test-packages.sh
#
# OLD_COMMIT is 8948873 (2026-11-26 03:24 UTC): the last commit before schema v3 (1f4a51b, the
# partial index of the refill sweep), so its store is at schema v2 with the analytics tables and
# credits/refill already there, and its packaging (build-packages.sh, the unit, the maintainer
# scripts) is the one HEAD still ships. The test expects the log line "from schema 2 to N" with N
# the last version in HEAD's backend/store/schema.cpp, so a migration added later is covered too.
# Its version is <project version>~git<hash>, lower than HEAD's, so apt treats HEAD as the upgrade.
# Built once (a cold Release build of latchkeyd only, ~10 min here) and cached by commit hash in
# $CACHE/old-packages/<commit>/; the git worktree and the build folder are removed afterwards.
OLD_COMMIT=${LATCHKEY_OLD_COMMIT:-89488735ba46914b6afd2301a78f62c2265f1a43}
OLD_SCHEMA=${LATCHKEY_OLD_SCHEMA:-2}

# head_schema_version: the last migration of this tree (the `{N, versionN()}` list in schema.cpp).
head_schema_version() { grep -oE '\{ *[0-9]+, *version[0-9]+\(\) *\}' backend/store/schema.cpp | grep -oE '[0-9]+' | tail -n1; }

old_package() { # old_package: prints the path of OLD_COMMIT's latchkeyd .deb, building it once
    local dir=$CACHE/old-packages/$OLD_COMMIT deb
    deb=$(compgen -G "$dir/latchkeyd_*.deb" | head -n1 || true)
    if [ -n "$deb" ]; then
        echo "$deb"
        return
    fi
    local src=$CACHE/src-$OLD_COMMIT build=$CACHE/build-$OLD_COMMIT version
    log "building latchkeyd of $OLD_COMMIT (schema v$OLD_SCHEMA), once; cached in $dir" >&2
    if [ ! -d "$src" ]; then
        git worktree add --detach "$src" "$OLD_COMMIT" >&2 || fail "git worktree add $OLD_COMMIT"
    fi
    version=$(sed -nE 's/^project\(Latchkey VERSION ([0-9.]+).*/\1/p' "$src/CMakeLists.txt")~git${OLD_COMMIT:0:7}
    rm -rf "$dir.new"
    LATCHKEY_PACKAGE_DASHBOARD=0 LATCHKEY_SKIP_LINTIAN=1 timeout 3600 "$src/installer/build-packages.sh" \
        "$build" "$dir.new" -D "CPACK_PACKAGE_VERSION=$version" >"$CACHE/build-$OLD_COMMIT.log" 2>&1 ||
        { tail -n 40 "$CACHE/build-$OLD_COMMIT.log" >&2; fail "building the package of $OLD_COMMIT"; }
    rm -rf "$dir"
    mv "$dir.new" "$dir"
    git worktree remove --force "$src" >&2 || true
    rm -rf "$build"
    compgen -G "$dir/latchkeyd_*.deb" | head -n1
}
