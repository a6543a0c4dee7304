// Package gin is a minimal stub of github.com/gin-gonic/gin.
package gin

type Context struct{}

type HandlerFunc func(*Context)

type Engine struct{}

func New() *Engine                                     { return &Engine{} }
func Default() *Engine                                 { return &Engine{} }
func (e *Engine) GET(path string, h ...HandlerFunc)    {}
func (e *Engine) POST(path string, h ...HandlerFunc)   {}
func (e *Engine) Run(addr ...string) error             { return nil }
func (c *Context) JSON(code int, obj any)              {}
func (c *Context) String(code int, f string, v ...any) {}
