// Throwaway module: syncthing for bench/fresh3corpus, in a directory of its own because its
// lib/connections needs github.com/quic-go/quic-go/logging, which the quic-go that MVS selects
// for the other entries no longer has. Regenerate with ../pin.sh.
module poollint.bench/fresh3corpus/syncthing

go 1.26.7

require (
	github.com/calmh/xdr v1.2.0 // indirect
	github.com/ebitengine/purego v0.8.3 // indirect
	github.com/go-ole/go-ole v1.3.0 // indirect
	github.com/lufia/plan9stats v0.0.0-20240909124753-873cd0166683 // indirect
	github.com/maxbrunsfeld/counterfeiter/v6 v6.11.2 // indirect
	github.com/power-devops/perfstat v0.0.0-20240221224432-82ca36839d55 // indirect
	github.com/shirou/gopsutil/v4 v4.25.4 // indirect
	github.com/syncthing/syncthing v1.30.0 // indirect
	github.com/tklauser/go-sysconf v0.3.14 // indirect
	github.com/tklauser/numcpus v0.9.0 // indirect
	github.com/yusufpapurcu/wmi v1.2.4 // indirect
	golang.org/x/mod v0.24.0 // indirect
	golang.org/x/net v0.40.0 // indirect
	golang.org/x/sync v0.14.0 // indirect
	golang.org/x/sys v0.33.0 // indirect
	golang.org/x/text v0.25.0 // indirect
	golang.org/x/tools v0.33.0 // indirect
	sigs.k8s.io/yaml v1.4.0 // indirect
)
