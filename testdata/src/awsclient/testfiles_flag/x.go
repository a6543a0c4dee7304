// Package testfiles_flag checks that -awsclient.tests reports in test files.
package testfiles_flag
