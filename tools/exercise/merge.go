package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
)

// mergeDecls returns src with the top-level declarations of frag put in
// by name: a declaration of src with the name of one of frag's (a method
// is named Type.Method) is replaced by it, doc comment included, and the
// others are added at the end. Nothing else of src changes, so an
// exercise keeps working when a step changes code it does not touch.
// The imports of both are kept where the result uses them.
func mergeDecls(src, frag []byte) ([]byte, error) {
	fset := token.NewFileSet()
	sf, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	ff, err := parser.ParseFile(fset, "", frag, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("fragment: %w", err)
	}

	texts := make(map[string][]byte)
	var order []string
	for _, d := range ff.Decls {
		if isImport(d) {
			continue
		}
		key := declKey(d)
		start, end := declRange(fset, frag, d)
		texts[key] = frag[start:end]
		order = append(order, key)
	}

	// Copy src, leaving out its imports and putting the fragment's
	// declarations in place of those of the same name.
	var body bytes.Buffer
	done := make(map[string]bool)
	at := 0
	for _, d := range sf.Decls {
		start, end := declRange(fset, src, d)
		text, ok := texts[declKey(d)]
		switch {
		case isImport(d):
			text = nil
		case !ok:
			continue
		}
		body.Write(src[at:start])
		body.Write(text)
		at = end
		done[declKey(d)] = true
	}
	body.Write(src[at:])
	for _, key := range order {
		if !done[key] {
			fmt.Fprintf(&body, "\n%s\n", texts[key])
		}
	}

	imports, err := usedImports(body.Bytes(), sf, ff)
	if err != nil {
		return nil, err
	}
	// The package clause comes before any declaration, so it ends at
	// the same offset in body as in src.
	name := fset.Position(sf.Name.End()).Offset
	var out bytes.Buffer
	out.Write(body.Bytes()[:name])
	out.WriteString("\n\n" + imports)
	out.Write(body.Bytes()[name:])
	return format.Source(out.Bytes())
}

// declKey names a top-level declaration: a func by its name, a method as
// Type.Method, a type, var or const group by its first name.
func declKey(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil || len(d.Recv.List) == 0 {
			return d.Name.Name
		}
		return recvName(d.Recv.List[0].Type) + "." + d.Name.Name
	case *ast.GenDecl:
		if len(d.Specs) == 0 {
			return d.Tok.String()
		}
		switch s := d.Specs[0].(type) {
		case *ast.TypeSpec:
			return s.Name.Name
		case *ast.ValueSpec:
			return s.Names[0].Name
		case *ast.ImportSpec:
			return "import"
		}
	}
	return ""
}

// recvName is the type name of a method's receiver: Stack for *Stack[T].
func recvName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.StarExpr:
		return recvName(x.X)
	case *ast.IndexExpr:
		return recvName(x.X)
	case *ast.IndexListExpr:
		return recvName(x.X)
	case *ast.Ident:
		return x.Name
	}
	return ""
}

func isImport(d ast.Decl) bool {
	g, ok := d.(*ast.GenDecl)
	return ok && g.Tok == token.IMPORT
}

// declRange returns the offsets of d in src, from its doc comment to the
// end of its last line, a trailing comment included.
func declRange(fset *token.FileSet, src []byte, d ast.Decl) (start, end int) {
	pos := d.Pos()
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			pos = d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			pos = d.Doc.Pos()
		}
	}
	start = fset.Position(pos).Offset
	end = fset.Position(d.End()).Offset
	rest, _, _ := bytes.Cut(src[end:], []byte("\n"))
	if strings.HasPrefix(strings.TrimSpace(string(rest)), "//") {
		end += len(rest)
	}
	return start, end
}

// usedImports returns an import declaration of the imports of files that
// code refers to, standard library first, as goimports groups them.
func usedImports(code []byte, files ...*ast.File) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", code, 0)
	if err != nil {
		return "", err
	}
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})

	var std, other []string
	seen := make(map[string]bool)
	for _, file := range files {
		for _, imp := range file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			name := importName(p)
			line := strconv.Quote(p)
			if imp.Name != nil {
				name = imp.Name.Name
				line = name + " " + line
			}
			if seen[line] || !(used[name] || name == "_" || name == ".") {
				continue
			}
			seen[line] = true
			if strings.Contains(strings.Split(p, "/")[0], ".") {
				other = append(other, line)
			} else {
				std = append(std, line)
			}
		}
	}
	if len(std)+len(other) == 0 {
		return "", nil
	}
	slices.Sort(std)
	slices.Sort(other)
	groups := slices.DeleteFunc([]string{
		strings.Join(std, "\n"), strings.Join(other, "\n"),
	}, func(s string) bool { return s == "" })
	return "import (\n" + strings.Join(groups, "\n\n") + "\n)\n", nil
}

// importName is the name a package is imported under by default: the last
// element of its path, without a version suffix such as ".v3".
func importName(importPath string) string {
	name := path.Base(importPath)
	name, _, _ = strings.Cut(name, ".")
	return strings.TrimPrefix(name, "go-")
}
