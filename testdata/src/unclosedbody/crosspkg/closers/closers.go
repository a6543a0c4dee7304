// Package closers has helpers that close what they are given, and one
// that does not. It does not import net/http.
package closers

import "io"

func Close(c io.Closer) { _ = c.Close() }

func CloseAll(cs ...io.Closer) {
	for _, c := range cs {
		_ = c.Close()
	}
}

func Drain(r io.Reader) { _, _ = io.Copy(io.Discard, r) }

type Closers struct{ list []io.Closer }

func (cl *Closers) Add(c io.Closer) { cl.list = append(cl.list, c) }
