package direct // want "reaches"

import "net/http"

var _ = http.MethodGet
