// Package constructors covers -perrequest.constructors: a team's own
// pool constructors count like the built-ins.
package constructors

import (
	"database/sql"
	"net/http"

	"perrequest/constructors/sdk"
)

var (
	db     *sql.DB
	client = sdk.NewClient("db:5432")
)

func badSQL(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "postgres://db/app") // want `sql.Open called per request in handler badSQL; build it once and reuse it`
	db.QueryRow("select 1")
}

func goodSQL(w http.ResponseWriter, r *http.Request) {
	db.QueryRow("select 1")
}

func badSDK(w http.ResponseWriter, r *http.Request) {
	c := sdk.NewClient("db:5432") // want `sdk.NewClient called per request in handler badSDK`
	c.Query("select 1")
}

func badMethod(w http.ResponseWriter, r *http.Request) {
	c := sdk.Factory{}.Connect("db:5432") // want `sdk.Factory.Connect called per request in handler badMethod`
	c.Query("select 1")
}

func goodMethod(w http.ResponseWriter, r *http.Request) {
	c := sdk.Factory{}.Lookup("db:5432")
	c.Query("select 1")
}

func badType(w http.ResponseWriter, r *http.Request) {
	p := &sdk.Pool{Addr: "db:5432"} // want `sdk.Pool created per request in handler badType`
	p.Query("select 1")
}

func goodSDK(w http.ResponseWriter, r *http.Request) {
	client.Query("select 1")
}

func badHelper(w http.ResponseWriter, r *http.Request) {
	query("select 1") // in query's finding
}

func query(q string) error { // want query:`buildsPool\(sdk.NewClient\)`
	return sdk.NewClient("db:5432").Query(q) // want `sdk.NewClient called per call of query and dropped after use, and query runs per request in handler badHelper; build it once, outside query, and reuse it`
}

// goodKeep builds a client for its caller to keep.
func goodKeep() *sdk.Client { // want goodKeep:`buildsPool\(sdk.NewClient, returned\)`
	c := sdk.NewClient("db:5432")
	c.Query("select 1")
	return c
}
