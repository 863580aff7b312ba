variable "x" {
  type = lisst(string)
}
