fn main() {
    std::process::exit(yishi::cli::main());
}
