auto = true
file = false
flag = false
