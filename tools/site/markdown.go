package main

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The READMEs hold raw HTML of their own (<details> around answers), so
// it is let through: every file rendered is the repository's own.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(html.WithUnsafe(),
		renderer.WithNodeRenderers(util.Prioritized(codeBlocks{}, 100))),
)

// render turns the Markdown of file (a path from the root) into HTML,
// with each link into the repository pointed at the page that shows it.
func (s *site) markdown(file string, src []byte) (template.HTML, error) {
	doc := md.Parser().Parse(text.NewReader(src))
	var errs []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if link, ok := n.(*ast.Link); ok && entering {
			dest, err := s.link(path.Dir(file), string(link.Destination))
			if err != nil {
				errs = append(errs, err.Error())
			}
			link.Destination = []byte(dest)
		}
		return ast.WalkContinue, nil
	})
	if errs != nil {
		return "", fmt.Errorf("%s: %s", file, strings.Join(errs, "; "))
	}
	var b bytes.Buffer
	err := md.Renderer().Render(&b, src, doc)
	return template.HTML(b.String()), err
}

// inline renders a line of Markdown, such as a table cell, without the
// paragraph around it.
func (s *site) inline(file, src string) (template.HTML, error) {
	h, err := s.markdown(file, []byte(src))
	h = template.HTML(strings.TrimSpace(string(h)))
	h = template.HTML(strings.TrimSuffix(strings.TrimPrefix(string(h), "<p>"), "</p>"))
	return h, err
}

// link maps a link found in a file of dir to the page that shows its
// target. A link that leaves the repository, or that only moves within
// the page, stays as it is; one to a file that no page shows is an error,
// so that no link of the site leads nowhere.
func (s *site) link(dir, dest string) (string, error) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return dest, nil
	}
	target := strings.TrimSuffix(path.Join(dir, u.Path), "/")
	page, ok := s.pages[target]
	if !ok {
		return dest, fmt.Errorf("link to %s: no page shows it", dest)
	}
	if u.Fragment != "" {
		page = strings.Split(page, "#")[0] + "#" + u.Fragment
	}
	return page, nil
}

// codeBlocks renders fenced code blocks highlighted, in the language
// their fence names.
type codeBlocks struct{}

func (codeBlocks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		block := n.(*ast.FencedCodeBlock)
		var code strings.Builder
		for i := 0; i < block.Lines().Len(); i++ {
			line := block.Lines().At(i)
			code.Write(line.Value(src))
		}
		return ast.WalkSkipChildren, highlight(w, lexer(string(block.Language(src)), ""), code.String())
	})
}
