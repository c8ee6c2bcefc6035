package main

import (
	"bytes"
	"html/template"
	"io"
	"path"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Colours come from one stylesheet of classes, so that the dark theme is
// a second set of rules, chosen by the system's prefers-color-scheme.
var (
	light = styles.Get("github")
	dark  = styles.Get("github-dark")
)

// lexer picks a lexer by language name or, failing that, by the file
// name's extension, which for the files here is a name chroma knows
// (go, py, html). Asking chroma to match file names against its every
// lexer takes longer than all the rest of a build.
func lexer(lang, name string) chroma.Lexer {
	if lang == "" {
		lang = strings.TrimPrefix(path.Ext(name), ".")
	}
	l := lexers.Fallback
	if lang != "" {
		if found := lexers.Get(lang); found != nil {
			l = found
		}
	}
	return chroma.Coalesce(l)
}

// highlight writes a piece of code, a README's example, as HTML.
func highlight(w io.Writer, l chroma.Lexer, code string) error {
	it, err := l.Tokenise(nil, code)
	if err != nil {
		return err
	}
	return html.New(html.WithClasses(true)).Format(w, light, it)
}

// lines returns a file's code highlighted line by line, for its page and
// for every diff it is in. A file is the same in several steps, and
// chroma's lexers take most of the time of a build, so each text is
// highlighted once.
func (s *site) lines(name, code string) ([]template.HTML, error) {
	key := path.Ext(name) + "\x00" + code
	if lines, ok := s.lexed[key]; ok {
		return lines, nil
	}
	lines, err := highlightLines(name, code)
	s.lexed[key] = lines
	return lines, err
}

// highlightLines returns code highlighted as a whole, then cut into
// lines, so that a line inside a comment or a raw string that spans lines
// keeps its colour when a diff shows it alone.
func highlightLines(name, code string) ([]template.HTML, error) {
	it, err := lexer("", name).Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	var lines []template.HTML
	for _, tokens := range chroma.SplitTokensIntoLines(it.Tokens()) {
		var b strings.Builder
		for _, t := range tokens {
			text := template.HTMLEscapeString(strings.TrimSuffix(t.Value, "\n"))
			if class := chroma.StandardTypes[t.Type]; class != "" && text != "" {
				b.WriteString(`<span class="` + class + `">` + text + `</span>`)
			} else {
				b.WriteString(text)
			}
		}
		lines = append(lines, template.HTML(b.String()))
	}
	return lines, nil
}

// stylesheet returns the colours of the code, light and dark. Each theme
// sits in a media query of its own, so that no colour of one shows
// through where the other leaves a class to its default.
func stylesheet() ([]byte, error) {
	f := html.New(html.WithClasses(true))
	var b bytes.Buffer
	for _, theme := range []struct {
		scheme string
		style  *chroma.Style
	}{{"light", light}, {"dark", dark}} {
		b.WriteString("@media (prefers-color-scheme: " + theme.scheme + ") {\n")
		if err := f.WriteCSS(&b, theme.style); err != nil {
			return nil, err
		}
		b.WriteString("}\n")
	}
	return b.Bytes(), nil
}
