package hclconfig

// Options say how LoadWith reads a directory, beyond its files.
type Options struct {
	// Vars are the root module's variable values given from outside, as
	// terraform plan's -var-file and -var options give them. They apply in
	// order after the variables' defaults, terraform.tfvars,
	// terraform.tfvars.json and the *.auto.tfvars(.json) files: a later
	// value wins.
	Vars []Var
	// Workspace is what terraform.workspace evaluates to; "" leaves it
	// unknown.
	Workspace string
	// SkipUnreadModules goes on when a module call cannot be read (a module
	// terraform init has not installed, a local source that is not there,
	// errors in the module's files, nesting too deep): each such call is then
	// a warning (Result.Unread) and its resources are missing from the plan.
	// Without it, the load fails with an *UnreadError naming every one.
	SkipUnreadModules bool
}

// Var is one value given from outside: a variable definitions file (File,
// as -var-file gives it) or one variable (Name and Value, as -var gives
// it: Value is read as an HCL expression when the variable's type is a
// collection, an object, a tuple or any, and as a plain string otherwise).
type Var struct {
	File        string
	Name, Value string
	// Origin names the value in errors, such as "--var region" or
	// `variables["region"]`; a file is named by its path. Values are never
	// quoted in errors: they may be secrets.
	Origin string
}

// origin names the value in errors.
func (v Var) origin() string {
	switch {
	case v.Origin != "":
		return v.Origin
	case v.File != "":
		return v.File
	}
	return "variable " + v.Name
}
