package nethttpsub // want "reaches"

import "net/http/httptest"

var _ = httptest.NewRecorder
