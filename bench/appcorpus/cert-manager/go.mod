// Throwaway module: pins the cert-manager entry of the application corpus
// on its own (it needs controller-runtime v0.24 / k8s 0.36, which
// external-secrets v0.16 does not build with). Regenerate with pin.sh.
module poollint.bench/appcorpus/certmanager

go 1.26.7

require github.com/cert-manager/cert-manager v1.21.2 // indirect
