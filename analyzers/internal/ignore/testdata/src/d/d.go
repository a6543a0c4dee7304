package d

func unclosedbody() {}

func goodUsed() {
	unclosedbody() //poollint:ignore unclosedbody reason
}

func badStale() {
	_ = 1 //poollint:ignore unclosedbody nothing here // want "suppresses no unclosedbody finding"
}
