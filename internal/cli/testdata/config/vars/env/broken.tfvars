file = true
flag =
