from_file = true
