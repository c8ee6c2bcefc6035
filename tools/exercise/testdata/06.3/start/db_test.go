package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A fakeDB counts the connections open.
type fakeDB struct{ open *atomic.Int32 }

func (db fakeDB) Close() error {
	db.open.Add(-1)
	return nil
}

func TestTheDBIsOpenForTheRequestAndClosedAfter(t *testing.T) {
	var open atomic.Int32
	app := NewApp("db")
	useDB(app, func() io.Closer {
		open.Add(1)
		return fakeDB{&open}
	})
	app.Handle("GET /count", view(func() response {
		if _, ok := G()["db"]; !ok {
			return text(http.StatusInternalServerError, "no db in g")
		}
		return text(http.StatusOK, fmt.Sprint(open.Load(), " open"))
	}))

	for range 3 {
		w := httptest.NewRecorder()
		app.ServeHTTP(w, httptest.NewRequest("GET", "/count", nil))
		assert.Equal(t, "1 open\n", w.Body.String(), "during the request")
		assert.Zero(t, open.Load(), "after the request")
	}
	w := httptest.NewRecorder()
	app.ServeHTTP(w, httptest.NewRequest("GET", "/nothing", nil))
	assert.Equal(t, http.StatusNotFound, w.Code)
	assert.Zero(t, open.Load(), "after a request that no view served")
}
