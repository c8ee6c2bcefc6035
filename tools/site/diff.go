package main

import (
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A fileDiff is one file of a diff page: the hunks that diff -u prints,
// with the unchanged lines between them folded away.
type fileDiff struct {
	Name           string
	Added, Deleted int
	Blocks         []block
}

// A block is a hunk, under its @@ header, or a fold of unchanged lines.
type block struct {
	Header string // "" for a fold
	Rows   []row
}

// A row is one line of the side-by-side view: old on the left, new on
// the right. A changed line sits beside the line it replaces.
type row struct {
	Kind       string // same, change, del or add
	OldN, NewN int    // line numbers; 0 where that side is empty
	Old, New   template.HTML
}

// diffDirs compares two step folders as diff -ruN with these -x patterns
// does: every file in either, a missing one taken as empty.
func (s *site) diffDirs(oldDir, newDir string, exclude []string) ([]fileDiff, error) {
	var names []string
	for _, dir := range []string{oldDir, newDir} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if slices.ContainsFunc(exclude, func(x string) bool { ok, _ := filepath.Match(x, d.Name()); return ok }) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(dir, path)
			if d.Type().IsRegular() && !slices.Contains(names, rel) {
				names = append(names, rel)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	var files []fileDiff
	for _, name := range names {
		old, err := readOrEmpty(filepath.Join(oldDir, name))
		if err != nil {
			return nil, err
		}
		new, err := readOrEmpty(filepath.Join(newDir, name))
		if err != nil {
			return nil, err
		}
		if old == new || binary(old) || binary(new) { // a built program is no part of the lesson
			continue
		}
		f, err := s.diffFile(filepath.ToSlash(name), old, new)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func readOrEmpty(name string) (string, error) {
	b, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return "", nil
	}
	return string(b), err
}

func binary(s string) bool { return strings.IndexByte(s[:min(len(s), 8000)], 0) >= 0 }

// diffFile sets the lines of old and new side by side, hunk by hunk.
func (s *site) diffFile(name, old, new string) (fileDiff, error) {
	a, b := slices.Collect(strings.Lines(old)), slices.Collect(strings.Lines(new))
	oldHTML, err := s.lines(name, old)
	if err != nil {
		return fileDiff{}, err
	}
	newHTML, err := s.lines(name, new)
	if err != nil {
		return fileDiff{}, err
	}
	if len(oldHTML) != len(a) || len(newHTML) != len(b) {
		return fileDiff{}, fmt.Errorf("%s: the highlighter cut it into other lines than diff", name)
	}
	f := fileDiff{Name: name}
	o, n := 1, 1 // the next line of each side, counted from 1
	// fold adds the unchanged lines before old line end, if any.
	fold := func(end int) {
		var unchanged block
		for ; o < end; o, n = o+1, n+1 {
			unchanged.Rows = append(unchanged.Rows, row{"same", o, n, oldHTML[o-1], newHTML[n-1]})
		}
		if unchanged.Rows != nil {
			f.Blocks = append(f.Blocks, unchanged)
		}
	}
	for _, h := range hunks(a, b) {
		fold(h.Old)
		changed := block{Header: h.Header()}
		var dels, adds []row
		// flush sets each deleted line beside the line added in its place.
		flush := func() {
			for i := range max(len(dels), len(adds)) {
				r := row{Kind: "change"}
				if i < len(dels) {
					r.OldN, r.Old = dels[i].OldN, dels[i].Old
				} else {
					r.Kind = "add"
				}
				if i < len(adds) {
					r.NewN, r.New = adds[i].NewN, adds[i].New
				} else {
					r.Kind = "del"
				}
				changed.Rows = append(changed.Rows, r)
			}
			dels, adds = nil, nil
		}
		for _, op := range h.Ops {
			switch op {
			case '-':
				dels = append(dels, row{OldN: o, Old: oldHTML[o-1]})
				o++
				f.Deleted++
			case '+':
				adds = append(adds, row{NewN: n, New: newHTML[n-1]})
				n++
				f.Added++
			default:
				flush()
				changed.Rows = append(changed.Rows, row{"same", o, n, oldHTML[o-1], newHTML[n-1]})
				o, n = o+1, n+1
			}
		}
		flush()
		f.Blocks = append(f.Blocks, changed)
	}
	fold(len(oldHTML) + 1)
	return f, nil
}
