package main

import (
	"embed"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

//go:embed page.html style.css site.js
var assets embed.FS

var pageTemplates = template.Must(template.New("").
	Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).
	ParseFS(assets, "page.html"))

// A site is the pages being built, by file name, and what they show.
type site struct {
	root  string
	steps []*step
	docs  []*doc
	diffs []*pair
	pages map[string]string // a path of the repository -> the page that shows it
	out   map[string][]byte
	lexed map[string][]template.HTML // see lines
}

// A doc is a Markdown file of the repository outside the steps.
type doc struct{ File, Page, Title string }

// A pair is a diff page: New against Old, as New's README diff command
// shows it.
type pair struct {
	Old, New *step
	Page     string
	Command  string
	Files    []fileDiff
	Added    int
	Deleted  int
}

// A page is what the layout of page.html needs.
type page struct {
	Title, Class string
	Prev, Next   string
	Body         template.HTML
}

var docTitle = regexp.MustCompile(`(?m)^# (.+)$`)

// build writes the site of the repository at root into out, and returns
// how many pages it wrote.
func build(root, out string) (int, error) {
	s, err := newSite(root)
	if err != nil {
		return 0, err
	}
	if err := s.render(); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, err
	}
	pages := 0
	for name, b := range s.out {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return 0, err
		}
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	return pages, nil
}

func newSite(root string) (*site, error) {
	steps, err := readSteps(root)
	if err != nil {
		return nil, err
	}
	s := &site{root: root, steps: steps, pages: map[string]string{},
		out: map[string][]byte{}, lexed: map[string][]template.HTML{}}
	for _, st := range steps {
		s.pages[st.Name] = st.Name + ".html"
		s.pages[st.Name+"/README.md"] = st.Name + ".html"
		for _, f := range st.Files {
			s.pages[st.Name+"/"+f] = st.Name + ".html#" + fileID(f)
		}
		for _, t := range st.Twins {
			s.pages[st.Name+"/"+t.Python] = st.Name + ".html#" + fileID(t.Python)
		}
	}
	// The Markdown outside the steps: the root's own, and each folder's README.
	docs, _ := filepath.Glob(filepath.Join(root, "*.md"))
	more, _ := filepath.Glob(filepath.Join(root, "*", "README.md"))
	for _, name := range append(docs, more...) {
		rel, _ := filepath.Rel(root, name)
		rel = filepath.ToSlash(rel)
		if _, ok := s.pages[rel]; ok {
			continue // a step's README
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d := &doc{File: rel, Page: strings.ToLower(strings.TrimSuffix(rel, ".md")) + ".html"}
		if dir, file := path.Split(rel); file == "README.md" && dir != "" {
			d.Page = strings.TrimSuffix(dir, "/") + ".html"
			s.pages[strings.TrimSuffix(dir, "/")] = d.Page
		}
		if m := docTitle.FindSubmatch(src); m != nil {
			d.Title = string(m[1])
		}
		s.pages[rel] = d.Page
		s.docs = append(s.docs, d)
	}
	// Each step against the one its README diffs against, and against the
	// step before it, if that is another.
	for i, st := range steps {
		if b := slices.IndexFunc(steps, func(base *step) bool { return base.Name == st.Base }); b >= 0 {
			s.diffs = append(s.diffs, &pair{Old: steps[b], New: st})
		}
		if i > 0 && steps[i-1].Name != st.Base {
			s.diffs = append(s.diffs, &pair{Old: steps[i-1], New: st})
		}
	}
	for _, p := range s.diffs {
		if err := s.compare(p, p.New.Exclude); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// compare fills in p's files as diff -ruN with these -x patterns shows
// them, those that New's README says to read first, first.
func (s *site) compare(p *pair, exclude []string) error {
	p.Page = "diff-" + p.Old.Name + "-" + p.New.Name + ".html"
	p.Command = "diff -ruN"
	for _, x := range exclude {
		p.Command += " -x '" + x + "'"
	}
	p.Command += " " + p.Old.Name + " " + p.New.Name
	files, err := s.diffDirs(filepath.Join(s.root, p.Old.Name), filepath.Join(s.root, p.New.Name), exclude)
	if err != nil {
		return err
	}
	first := p.New.Files[:p.New.First]
	rank := func(f fileDiff) int {
		if i := slices.Index(first, f.Name); i >= 0 {
			return i
		}
		return len(first)
	}
	slices.SortStableFunc(files, func(a, b fileDiff) int { return rank(a) - rank(b) })
	p.Files = files
	for _, f := range files {
		p.Added += f.Added
		p.Deleted += f.Deleted
	}
	return nil
}

// own returns the diff of st against the step its README names.
func (s *site) own(st *step) *pair {
	for _, p := range s.diffs {
		if p.New == st && p.Old.Name == st.Base {
			return p
		}
	}
	return nil
}

func fileID(name string) string { return "file-" + strings.ReplaceAll(name, "/", "-") }
