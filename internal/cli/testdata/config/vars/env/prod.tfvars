file = true
flag = false
