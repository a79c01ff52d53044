# Sourced before Trunk builds the page (scripts/serve.sh, scripts/test.sh): the release wasm is built
# with the standard library compiled for size (build-std, optimize_for_size), panics that abort at
# once without formatting a message, and no file/line records for panics. This cut the page's
# first load by ~24 KB gzip (see ARCHITECTURE.md, "Size"). These are unstable cargo/rustc options,
# enabled on the stable toolchain by RUSTC_BOOTSTRAP=1 for this build only; they need the rust-src
# component (scripts/setup.sh adds it). Native builds and tests never see these settings.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
