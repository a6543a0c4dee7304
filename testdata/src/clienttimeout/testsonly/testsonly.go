// Package testsonly has clients without Timeout only in its test file.
package testsonly
