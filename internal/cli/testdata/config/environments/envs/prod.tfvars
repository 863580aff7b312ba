environment = "prod"
multi_az    = true
replicas    = 3
