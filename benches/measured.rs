//! The yishi program, built beside the benchmarks that run it.

fn main() {
    std::process::exit(yishi::cli::main());
}
