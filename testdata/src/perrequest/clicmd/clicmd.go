// want package:"hasPoolBuilders"

// Package clicmd is a CLI's command package: a command's body runs
// once per invocation, even when its functions are exported.
package clicmd

import (
	"net/http"

	"github.com/spf13/cobra"
)

type Options struct{ URL string }

// Run is the command's body, given to RunE through a literal.
func (o *Options) Run() error { // want Run:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	_, err := hc.Get(o.URL)
	return err
}

// Upload is the body of another command, given as a method value.
func (o *Options) Upload(cmd *cobra.Command, args []string) error { // want Upload:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	_, err := hc.Post(o.URL, "text/plain", nil)
	return err
}

func NewCmd() *cobra.Command { // want NewCmd:`buildsPool\(http.Transport\)`
	o := &Options{}
	return &cobra.Command{
		Use:  "get",
		RunE: func(cmd *cobra.Command, args []string) error { return o.Run() },
	}
}

func NewUploadCmd() *cobra.Command {
	o := &Options{}
	return &cobra.Command{Use: "upload", RunE: o.Upload}
}

// Fetch is exported library API that no command wraps: per call.
func (o *Options) Fetch() error { // want Fetch:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call of \(\*Options\).Fetch and dropped after use`
	_, err := hc.Get(o.URL)
	return err
}
