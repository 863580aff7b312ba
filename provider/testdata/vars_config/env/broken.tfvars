from_file = 
