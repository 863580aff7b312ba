gate = "introduced"
