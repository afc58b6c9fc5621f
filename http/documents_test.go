package httpserver

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParseDocuments(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		wantErr string // substring of the error; "" for none
	}{
		{"json lines", "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":\"b\",\"date\":\"2020-01-02\",\"text\":\"Two.\"}\n", []string{"a", "b"}, ""},
		{"json array", " [ {\"id\":\"a\",\"text\":\"One.\"}, {\"text\":\"No id.\"} ]", []string{"a", ""}, ""},
		{"crlf lines", "{\"id\":\"a\",\"text\":\"One.\"}\r\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n", []string{"a", "b"}, ""},
		{"empty", "  \n", nil, "body:1:1: no documents"},
		{"empty array", "[]", nil, "no documents"},
		{"bad line", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":}\n", nil, "body:2:19:"},
		{"no text", "{\"id\":\"a\"}\n", nil, "body:1:1: document has no text"},
		{"bad date", "{\"id\":\"a\",\"text\":\"x\",\"date\":\"2020-13-01\"}\n", nil, "want YYYY-MM-DD"},
		{"unknown field", "{\"id\":\"a\",\"txt\":\"x\"}\n", nil, "unknown field"},
		{"two values on a line", "{\"text\":\"a\"} {\"text\":\"b\"}\n", nil, "more than one value"},
		{"array syntax error on line 2", "[{\"text\":\"a\"},\n {\"text\" \"b\"}]", nil, "body:2:"},
		{"data after array", "[{\"text\":\"a\"}] {}", nil, "data after the array"},
		{"array doc without text", "[{\"text\":\"a\"},{\"id\":\"x\"}]", nil, "document 2: document has no text"},
		{"errors collected", "{}\n{}\n{\"text\":\"ok\"}\n{}\n", nil, "3 errors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ParseDocuments(strings.NewReader(tc.body))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tc.wantErr)
				}
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("error %v does not wrap ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.wantIDs, ",") {
				t.Errorf("got ids %q, want %q", got, tc.wantIDs)
			}
		})
	}
}

func FuzzParseDocuments(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"One.\"}\n")
	f.Add("[{\"text\":\"a\"},{\"id\":\"x\"}]")
	f.Add("{\"text\":}\n\n[")
	f.Fuzz(func(t *testing.T, body string) {
		docs, err := ParseDocuments(strings.NewReader(body))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			if docs != nil {
				t.Fatalf("got %d documents with an error", len(docs))
			}
			return
		}
		if len(docs) == 0 {
			t.Fatal("no documents and no error")
		}
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" {
				t.Fatalf("accepted a document without text: %+v", d)
			}
		}
	})
}

// post sends body to POST /api/documents with the given Authorization
// header (none when empty) and returns the status and decoded body.
func post(t *testing.T, ts *httptest.Server, auth, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+"/api/documents", strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("POST: %v in %s", err, b)
	}
	if resp.StatusCode == http.StatusUnauthorized && resp.Header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	return resp.StatusCode, m
}

func TestAPIDocumentsToken(t *testing.T) {
	const doc = `{"id":"n1","text":"Japan hosted the opposition."}`
	open := newTestServer(t, "")
	guarded := newTestServer(t, "s3cret")
	tests := []struct {
		name       string
		ts         *httptest.Server
		auth, body string
		want       int
	}{
		{"writing disabled without a token", open, "Bearer s3cret", doc, http.StatusForbidden},
		{"no header", guarded, "", doc, http.StatusUnauthorized},
		{"not bearer", guarded, "Basic czNjcmV0", doc, http.StatusUnauthorized},
		{"wrong token", guarded, "Bearer s3cre", doc, http.StatusForbidden},
		{"bad body", guarded, "Bearer s3cret", "{", http.StatusBadRequest},
		{"right token", guarded, "Bearer s3cret", doc, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := post(t, tc.ts, tc.auth, tc.body)
			if code != tc.want {
				t.Errorf("status %d (%v), want %d", code, body, tc.want)
			}
			if code != http.StatusOK && body["error"] == "" {
				t.Errorf("error response without a message: %v", body)
			}
		})
	}
	code, body := post(t, guarded, "Bearer s3cret", "[{\"id\":\"n1\",\"text\":\"again\"},{\"id\":\"n2\",\"text\":\"new\"}]")
	if code != http.StatusOK || body["documents"] != 1.0 || body["skipped"] != 1.0 {
		t.Errorf("second post: status %d body %v, want 200 with 1 stored and 1 skipped", code, body)
	}
}

func TestAPIDocumentsLimits(t *testing.T) {
	ro, err := New(Config{Store: readOnly{newMemStore(t)}, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	small, err := New(Config{Store: newMemStore(t), Token: "t", MaxBody: 64})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		s    *Server
		body string
		want int
	}{
		{"store cannot ingest", ro, `{"text":"x"}`, http.StatusNotImplemented},
		{"body too large", small, `{"text":"` + strings.Repeat("x", 100) + `"}`, http.StatusRequestEntityTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := httptest.NewServer(tc.s)
			defer ts.Close()
			if code, body := post(t, ts, "Bearer t", tc.body); code != tc.want {
				t.Errorf("status %d (%v), want %d", code, body, tc.want)
			}
		})
	}
	ts := httptest.NewServer(ro)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /api/documents: status %d, want 405 or 404", resp.StatusCode)
	}
}
