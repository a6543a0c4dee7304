package b

func alpha() {}
func beta()  {}

func goodBeta() {
	beta() //poollint:ignore beta reason
}

func badBetaTypo() {
	beta() //poollint:ignore betta typo // want "beta call" `poollint:ignore names unknown analyzer "betta" \(did you mean beta\?\)`
}

func goodNoNamesOwnedByAlpha() {
	// The first analyzer of the suite (alpha) reports a directive with no
	// names; beta stays silent.
	//poollint:ignore
	beta() // want "beta call"
}

func goodNoReasonOwnedByFirstName() {
	// alpha is named first and owns the missing reason.
	beta() //poollint:ignore alpha,beta // want "beta call"
}

func badNoReasonFirstName() {
	beta() //poollint:ignore beta,alpha // want "beta call" "needs a reason"
}
