#!/usr/bin/env bash
# Rewrites fixtures/snapshots/*/not-reproduced.json from what the reference server answers now
# (README, "Snapshots and parity"): snapshots it reproduces leave the list, unchanged entries keep
# their reason, new or changed ones get "TODO: ..." and the run fails until each has a reason.
# Needs no real server: the parity self-test runs the suite against the embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Conformance.SelfTests -nologo -v q
REGENERATE_NOT_REPRODUCED=true dotnet test tests/Conformance.SelfTests --no-build \
  --filter "FullyQualifiedName~SnapshotParityTests.The_reference_server_reproduces_the_recorded_snapshots" \
  --logger "console;verbosity=normal"
git status --short -- fixtures/snapshots
