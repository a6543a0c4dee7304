// Package sdk is a team's own SDK: its constructors open a connection
// pool, which only the -perrequest.constructors flag can tell.
package sdk

type Client struct{ addr string }

// NewClient opens a pool of connections to addr.
func NewClient(addr string) *Client { return &Client{addr: addr} }

// Pool is a pool of connections: every value is a new one.
type Pool struct{ Addr string }

type Factory struct{}

// Connect opens a pool of connections.
func (Factory) Connect(addr string) *Client { return &Client{addr: addr} }

// Lookup only finds a client that already exists.
func (Factory) Lookup(addr string) *Client { return nil }

func (c *Client) Query(q string) error { return nil }

func (p *Pool) Query(q string) error { return nil }
