package a

func alpha() {} // want alpha:"isAlpha"
func beta()  {}

func badNoDirective() {
	alpha() // want "alpha call"
}

func goodTrailing() {
	alpha() //poollint:ignore alpha called once at start-up
}

func goodAbove() {
	//poollint:ignore alpha called once at start-up
	alpha()
}

func goodSeveralNames() {
	alpha() //poollint:ignore beta,alpha both are fine here
}

func goodSpacedAndTabbed() {
	//poollint:ignore	alpha   reason after a tab
	alpha()
}

func badTooFarAbove() {
	//poollint:ignore alpha a blank line breaks the link // want "poollint:ignore suppresses no alpha finding; remove the directive"

	alpha() // want "alpha call"
}

func badTrailingDoesNotCoverNextLine() {
	x := 1 //poollint:ignore alpha trailing covers its own line only // want "suppresses no alpha finding; remove the directive"
	alpha() // want "alpha call"
	_ = x
}

func badStaleOneOfSeveral() {
	beta() //poollint:ignore alpha,beta only beta applies // want "suppresses no alpha finding; remove alpha from the directive"
}

func badNoReason() {
	alpha() //poollint:ignore alpha // want "alpha call" `poollint:ignore needs a reason after the analyzer names, so it suppresses nothing; write //poollint:ignore alpha reason`
}

func badUnknownName() {
	alpha() //poollint:ignore alpah typo // want "alpha call" `poollint:ignore names unknown analyzer "alpah" \(did you mean alpha\?\); known analyzers: alpha, beta`
}

func goodUnknownNameOwnedByOther() {
	// beta owns the typo "betta"; alpha stays silent about it.
	beta() //poollint:ignore betta typo
}

func badNoNames() {
	//poollint:ignore // want `poollint:ignore names no analyzer; write //poollint:ignore NAME\[,NAME\] reason`
	alpha() // want "alpha call"
}

func goodDisabledAnalyzer() {
	// beta does not run in this test, as if -beta=false: its directive
	// must not be reported as stale.
	beta() //poollint:ignore beta turned off
}

func goodNotADirective() {
	alpha() //poollint:ignorex alpha // want "alpha call"
	alpha() // poollint:ignore alpha a space after the slashes makes it prose // want "alpha call"
}

func goodMultiLine() {
	_ = []int{
		1,
		alphaValue(), //poollint:ignore alpha inside a composite literal
	}
}

func alphaValue() int { // want alphaValue:"isAlpha"
	alpha() // want "alpha call"
	return 0
}
