// Package testsincluded is run with -tests.
package testsincluded
