{{/* The app's name: nameOverride or the release name, DNS-safe. */}}
{{- define "homelab-app.name" -}}
{{- default .Release.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the app's pods. */}}
{{- define "homelab-app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "homelab-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "homelab-app.labels" -}}
{{ include "homelab-app.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* A container's env: plain values then Secret references (names only). */}}
{{- define "homelab-app.env" -}}
{{- range $name, $value := .env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- range .secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{/* The UI hostname. */}}
{{- define "homelab-app.host" -}}
{{- default (printf "%s.%s" (include "homelab-app.name" .) .Values.route.domain) .Values.route.host -}}
{{- end -}}

{{/* The number of the named port among the main container's and the sidecars' ports. */}}
{{- define "homelab-app.portNumber" -}}
{{- $want := .name -}}
{{- $found := "" -}}
{{- range .root.Values.ports }}{{ if eq .name $want }}{{ $found = .containerPort }}{{ end }}{{ end -}}
{{- range .root.Values.sidecars }}{{ range .ports }}{{ if eq .name $want }}{{ $found = .containerPort }}{{ end }}{{ end }}{{ end -}}
{{- required (printf "no container port is named %s" $want) $found -}}
{{- end -}}
