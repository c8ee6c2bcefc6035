package main

import (
	"bytes"
	"embed"
	"fmt"
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

var pageTemplates = template.Must(template.ParseFS(assets, "page.html"))

// A site is the pages being built, by file name, and what they show.
type site struct {
	root  string
	steps []*step
	docs  []*doc
	diffs []*pair
	pages map[string]string // a path of the repository -> the page that shows it
	out   map[string][]byte
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
	s := &site{root: root, steps: steps, pages: map[string]string{}, out: map[string][]byte{}}
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
		if base := s.step(st.Base); base != nil {
			s.diffs = append(s.diffs, &pair{Old: base, New: st})
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
	files, err := diffDirs(filepath.Join(s.root, p.Old.Name), filepath.Join(s.root, p.New.Name), exclude)
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
	p.Added, p.Deleted = counts(files)
	return nil
}

func (s *site) step(name string) *step {
	for _, st := range s.steps {
		if st.Name == name {
			return st
		}
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

// render fills s.out with every page, the stylesheet and the script.
func (s *site) render() error {
	// The reading order, which the arrow keys follow: the map, each step
	// followed by its diffs, then the pages for those who run the room.
	type entry struct {
		page
		name string
		body func() (template.HTML, error)
	}
	var order []entry
	add := func(name, title, class string, body func() (template.HTML, error)) {
		order = append(order, entry{page{Title: title, Class: class}, name, body})
	}
	add("index.html", "gosteps", "", s.index)
	for _, d := range s.docs {
		if d.File == "README.md" || d.File == "ONRAMP.md" {
			add(d.Page, d.Title, "", s.docPage(d))
		}
	}
	for _, st := range s.steps {
		add(st.Name+".html", st.Name, "", s.stepPage(st))
		for _, p := range s.diffs {
			if p.New == st {
				add(p.Page, p.Old.Name+" → "+p.New.Name, "wide", s.diffPage(p))
			}
		}
	}
	for _, d := range s.docs {
		if d.File != "README.md" && d.File != "ONRAMP.md" {
			add(d.Page, d.Title, "", s.docPage(d))
		}
	}
	for i, e := range order {
		p := e.page
		if i > 0 {
			p.Prev = order[i-1].name
		}
		if i+1 < len(order) {
			p.Next = order[i+1].name
		}
		if err := s.layout(e.name, p, e.body); err != nil {
			return err
		}
	}
	// The presenter's views, one per step, in an order of their own.
	for i, st := range s.steps {
		p := page{Title: st.Name + " · presenter", Class: "present"}
		if i > 0 {
			p.Prev = "present-" + s.steps[i-1].Name + ".html"
		}
		if i+1 < len(s.steps) {
			p.Next = "present-" + s.steps[i+1].Name + ".html"
		}
		if err := s.layout("present-"+st.Name+".html", p, s.presentPage(st)); err != nil {
			return err
		}
	}
	css, err := assets.ReadFile("style.css")
	if err != nil {
		return err
	}
	colours, err := stylesheet()
	if err != nil {
		return err
	}
	s.out["style.css"] = append(css, colours...)
	s.out["site.js"], err = assets.ReadFile("site.js")
	return err
}

func (s *site) layout(name string, p page, body func() (template.HTML, error)) error {
	var err error
	if p.Body, err = body(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var b bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.out[name] = b.Bytes()
	return nil
}

// execute runs one of page.html's templates into HTML.
func execute(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	err := pageTemplates.ExecuteTemplate(&b, name, data)
	return template.HTML(b.String()), err
}

func (s *site) index() (template.HTML, error) {
	type card struct {
		*step
		Lesson   template.HTML
		Diff     *pair
		Exercise []exercise
	}
	var cards []card
	for _, st := range s.steps {
		lesson, err := s.inline(st.Name+"/README.md", st.Lesson)
		if err != nil {
			return "", err
		}
		cards = append(cards, card{st, lesson, s.own(st), st.Exercises})
	}
	return execute("index", map[string]any{"Steps": cards, "Docs": s.docs})
}

func (s *site) docPage(d *doc) func() (template.HTML, error) {
	return func() (template.HTML, error) {
		src, err := os.ReadFile(filepath.Join(s.root, d.File))
		if err != nil {
			return "", err
		}
		return s.markdown(d.File, src)
	}
}

func (s *site) stepPage(st *step) func() (template.HTML, error) {
	return func() (template.HTML, error) {
		readme, err := s.markdown(st.Name+"/README.md", st.README)
		if err != nil {
			return "", err
		}
		type file struct {
			Name, ID string
			Open     bool
			Code     template.HTML
		}
		code := func(name, src string) (template.HTML, error) {
			var b bytes.Buffer
			err := highlight(&b, lexer("", name), src, fileID(name)+"-")
			return template.HTML(b.String()), err
		}
		var files []file
		for i, name := range st.Files {
			src, err := os.ReadFile(filepath.Join(s.root, st.Name, name))
			if err != nil {
				return "", err
			}
			h, err := code(name, string(src))
			if err != nil {
				return "", err
			}
			files = append(files, file{name, fileID(name), i < st.First, h})
		}
		type twin struct {
			Python, Example, ID string
			PythonCode, GoCode  template.HTML
		}
		var twins []twin
		for _, t := range st.Twins {
			src, err := os.ReadFile(filepath.Join(s.root, st.Name, t.Python))
			if err != nil {
				return "", err
			}
			py, err := code(t.Python, string(src))
			if err != nil {
				return "", err
			}
			var g bytes.Buffer
			if err := highlight(&g, lexer("go", ""), t.Go, ""); err != nil {
				return "", err
			}
			twins = append(twins, twin{t.Python, t.Example, fileID(t.Python), py, template.HTML(g.String())})
		}
		return execute("step", map[string]any{
			"Step": st, "README": readme, "Files": files, "Twins": twins,
			"Diffs": s.diffsOf(st), "Present": "present-" + st.Name + ".html",
		})
	}
}

func (s *site) diffsOf(st *step) []*pair {
	var ps []*pair
	for _, p := range s.diffs {
		if p.New == st {
			ps = append(ps, p)
		}
	}
	return ps
}

func (s *site) diffPage(p *pair) func() (template.HTML, error) {
	return func() (template.HTML, error) {
		var note *pair
		if p.New.Base != p.Old.Name {
			note = s.own(p.New)
		}
		return execute("diff", map[string]any{"Pair": p, "Own": note})
	}
}

func (s *site) presentPage(st *step) func() (template.HTML, error) {
	return func() (template.HTML, error) {
		data := map[string]any{"Step": st, "Page": st.Name + ".html"}
		// On the projector, the lesson's code without its tests.
		if own := s.own(st); own != nil {
			p := &pair{Old: own.Old, New: st}
			exclude := st.Exclude
			if !slices.Contains(exclude, "*_test.go") {
				exclude = append(slices.Clip(exclude), "*_test.go")
			}
			if err := s.compare(p, exclude); err != nil {
				return "", err
			}
			data["Diff"] = p
		}
		lesson, err := s.inline(st.Name+"/README.md", st.Lesson)
		if err != nil {
			return "", err
		}
		data["Lesson"] = lesson
		if st.Slot != nil {
			cells := map[string]template.HTML{}
			for k, v := range map[string]string{"Minutes": st.Slot.Minutes, "Demo": st.Slot.Demo,
				"Exercises": st.Slot.Exercises, "Checkpoint": st.Slot.Checkpoint} {
				if cells[k], err = s.inline("WORKSHOP.md", v); err != nil {
					return "", err
				}
			}
			data["Slot"] = cells
		}
		return execute("present", data)
	}
}
