package e

func unclosedbody() {}
