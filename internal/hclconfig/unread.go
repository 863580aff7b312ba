package hclconfig

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// UnreadModule is a module call whose configuration could not be read: a
// module terraform init has not installed, a local source that is not
// there, a module whose files have errors, or one nested too deep. Its
// resources are not in the plan.
type UnreadModule struct {
	// Address is the call's module path, without instance keys:
	// module.eks, module.app.module.db.
	Address string
	Source  string
	// File and Line are where the module block is, File relative to the
	// directory read (as the load's errors name files).
	File string
	Line int
	// Problem says why it was not read: "is not installed by terraform
	// init", "cannot be read: modules/db/main.tf:3,1: ...".
	Problem string
	// Fix says what would let it be read ("run terraform init in infra"),
	// or is "" when nothing would.
	Fix string
	// warning is the text of the warning, with files named as the
	// directory was given (infra/main.tf:12).
	warning string
}

// String names the call and its problem, relative to the directory read:
// main.tf:12: module.eks (source "terraform-aws-modules/eks/aws") is not
// installed by terraform init.
func (u UnreadModule) String() string {
	return fmt.Sprintf("%s:%d: %s (source %q) %s", u.File, u.Line, u.Address, u.Source, u.Problem)
}

// Warning is the call as a warning of a scan that goes on without it.
func (u UnreadModule) Warning() string { return u.warning }

// UnreadError is the error of a load that found module calls it could not
// read, without Options.SkipUnreadModules: a verdict on the rest would
// claim to cover what nobody read. It names every such call.
type UnreadError struct {
	Modules []UnreadModule
}

func (e *UnreadError) Error() string {
	msgs := make([]string, len(e.Modules))
	for i, u := range e.Modules {
		msgs[i] = u.String()
		if u.Fix != "" {
			msgs[i] += ": " + u.Fix
		}
	}
	return strings.Join(msgs, "; ")
}

// childModule loads the module a call names, when its source is a local
// path or a module terraform init installed; otherwise it records the call
// as unread and returns nil.
func (l *loader) childModule(s *scope, call *callBlock) *module {
	if s.depth >= maxDepth {
		l.unread(s, call, fmt.Sprintf("is nested more than %d module calls deep (does a module call itself?)", maxDepth), "", "")
		return nil
	}
	dir, local, ok := l.moduleDir(s, call)
	if !ok {
		l.unread(s, call, "is not installed by terraform init", "", "run terraform init in "+l.base)
		return nil
	}
	mod, err := l.loadModule(dir)
	if err != nil {
		fix := "fix the module's files"
		var me *moduleError
		switch {
		case errors.As(err, &me) && me.missing && local:
			fix = "correct its source"
		case errors.As(err, &me) && me.missing:
			fix = "run terraform init in " + l.base + " again"
		}
		shown := err.Error()
		if me != nil {
			shown = me.shown
		}
		l.unread(s, call, "cannot be read: "+err.Error(), "cannot be read: "+shown, fix)
		return nil
	}
	return mod
}

// moduleDir is the directory of the module a call names: local is set for a
// local path, and ok is false for a module terraform init has not
// installed.
func (l *loader) moduleDir(s *scope, call *callBlock) (dir string, local, ok bool) {
	src := call.source
	if strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".." {
		return filepath.Join(s.mod.dir, filepath.FromSlash(src)), true, true
	}
	// modules.json keys are call names joined by dots: vpc, vpc.subnets.
	key := strings.ReplaceAll(strings.TrimPrefix(join(s.path, "module."+call.name), "module."), ".module.", ".")
	dir, ok = l.installed[key]
	return dir, false, ok
}

// unread records a call that cannot be read, once however many instances
// of its module call it. shownProblem is problem with files named as the
// directory was given ("" when it names none).
func (l *loader) unread(s *scope, call *callBlock, problem, shownProblem, fix string) {
	addr := join(s.path, "module."+call.name)
	for _, u := range l.unreadCalls {
		if u.Address == addr {
			return
		}
	}
	if shownProblem == "" {
		shownProblem = problem
	}
	u := UnreadModule{
		Address: addr, Source: call.source,
		File: l.rel(call.decl.Filename), Line: call.decl.Start.Line,
		Problem: problem, Fix: fix,
	}
	u.warning = fmt.Sprintf("%s:%d: %s (source %q) %s: not read, so the verdict does not cover its resources",
		l.shown(call.decl.Filename), u.Line, addr, u.Source, shownProblem)
	if fix != "" {
		u.warning += " (to read it, " + fix + ")"
	}
	l.unreadCalls = append(l.unreadCalls, u)
}

// shown names a path as the directory read was given (infra/main.tf), for
// warnings, which may come from several directories.
func (l *loader) shown(path string) string {
	r := l.rel(path)
	if !filepath.IsAbs(path) || filepath.IsAbs(r) {
		return r
	}
	return filepath.Join(l.base, r)
}
