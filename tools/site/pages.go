package main

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
)

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
	first := []string{"README.md", "ONRAMP.md"}
	for _, name := range first {
		if i := slices.IndexFunc(s.docs, func(d *doc) bool { return d.File == name }); i >= 0 {
			add(s.docs[i].Page, s.docs[i].Title, "", s.docPage(s.docs[i]))
		}
	}
	for _, st := range s.steps {
		add(st.Name+".html", st.Name, "", s.stepPage(st))
		for _, p := range s.diffsOf(st) {
			add(p.Page, p.Old.Name+" → "+p.New.Name, "wide", s.diffPage(p))
		}
	}
	for _, d := range s.docs {
		if !slices.Contains(first, d.File) {
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
		Lesson template.HTML
		Diff   *pair
	}
	var cards []card
	for _, st := range s.steps {
		lesson, err := s.inline(st.Name+"/README.md", st.Lesson)
		if err != nil {
			return "", err
		}
		cards = append(cards, card{st, lesson, s.own(st)})
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
			lines, err := s.lines(name, src)
			if err != nil {
				return "", err
			}
			return execute("code", map[string]any{"ID": fileID(name), "Lines": lines})
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
			if err := highlight(&g, lexer("go", ""), t.Go); err != nil {
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

// diffsOf returns the diff pages of st: against the step its README
// names, and against the one before it.
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
