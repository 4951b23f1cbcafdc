//! Writes the JSON Schemas of servex's documents and results (`servex::schema::all`)
//! into the repository's `docs/schema/`, or into the directory given:
//! `cargo run -p servex --features schema --example schema [-- DIR]`.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let default = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/schema");
    let dir = std::env::args().nth(1).map_or(default, PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    for file in servex::schema::all() {
        let path = dir.join(file.name);
        std::fs::write(&path, servex::schema::to_text(&file.schema))?;
        println!("{}", path.display());
    }
    Ok(())
}
