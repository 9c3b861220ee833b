{{/* Prefix of every resource name: "<release>-docmatrix", or the release name when it already says docmatrix. */}}
{{- define "docmatrix.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's resources. Call with (dict "root" $ "name" "gateway-service"). */}}
{{- define "docmatrix.componentName" -}}
{{- printf "%s-%s" (include "docmatrix.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels shared by everything the release renders (without the per-service selector labels). */}}
{{- define "docmatrix.chartLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: docmatrix
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Labels of release-wide objects (default deny, monitoring). */}}
{{- define "docmatrix.commonLabels" -}}
{{ include "docmatrix.chartLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one service (stable across upgrades). Call with (dict "root" $ "name" ...). */}}
{{- define "docmatrix.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "docmatrix.labels" -}}
{{ include "docmatrix.chartLabels" .root }}
{{ include "docmatrix.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Image reference; the tag defaults to the chart's appVersion and may never be "latest" or empty. */}}
{{- define "docmatrix.image" -}}
{{- $svc := index .root.Values.services .name -}}
{{- $tag := $svc.image.tag | default .root.Chart.AppVersion | toString -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail (printf "services.%s.image.tag: pin a version, never 'latest'" .name) -}}
{{- end -}}
{{- $repo := $svc.image.repository -}}
{{- if .root.Values.image.registry -}}
{{- $repo = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repo -}}
{{- end -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{/* In-cluster base URL of a service. */}}
{{- define "docmatrix.serviceUrl" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "http://%s:%v" (include "docmatrix.componentName" .) $svc.port -}}
{{- end -}}

{{/* The issuer / public URL: publicUrl, else the Ingress host, else the gateway's in-cluster URL. */}}
{{- define "docmatrix.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- else -}}
{{- include "docmatrix.serviceUrl" (dict "root" . "name" "gateway-service") -}}
{{- end -}}
{{- end -}}

{{/* "true" when the Prometheus operator's resources are rendered. */}}
{{- define "docmatrix.prometheusOperatorOn" -}}
{{- $v := .Values.monitoring.prometheusOperator | toString -}}
{{- if or (eq $v "true") (and (eq $v "auto") (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1")) -}}true{{- end -}}
{{- end -}}

{{/* "true" when KEDA resources may be rendered at all. */}}
{{- define "docmatrix.kedaAvailable" -}}
{{- $v := .Values.keda.enabled | toString -}}
{{- if or (eq $v "true") (and (eq $v "auto") (.Capabilities.APIVersions.Has "keda.sh/v1alpha1")) -}}true{{- end -}}
{{- end -}}

{{/* "true" when this service scales with a KEDA ScaledObject. Call with (dict "root" $ "name" ...). */}}
{{- define "docmatrix.kedaOn" -}}
{{- $svc := index .root.Values.services .name -}}
{{- if and (include "docmatrix.kedaAvailable" .root) $svc.autoscaling.keda $svc.autoscaling.keda.enabled -}}true{{- end -}}
{{- end -}}

{{/* "true" when this service scales with a CPU HorizontalPodAutoscaler (never together with KEDA, which owns its own). */}}
{{- define "docmatrix.hpaOn" -}}
{{- $svc := index .root.Values.services .name -}}
{{- if and $svc.autoscaling.hpa.enabled (not (include "docmatrix.kedaOn" .)) -}}true{{- end -}}
{{- end -}}

{{/* The services that talk to Kafka and PostgreSQL (all but the config server). */}}
{{- define "docmatrix.isAppService" -}}
{{- if ne .name "config-server" -}}true{{- end -}}
{{- end -}}

{{/* Whether a service touches the blob store. */}}
{{- define "docmatrix.usesBlobs" -}}
{{- if or (eq .name "gateway-service") (eq .name "ingestion-service") -}}true{{- end -}}
{{- end -}}

{{/* Words that mark a variable as secret: such variables belong in secretEnv, never in a ConfigMap. */}}
{{- define "docmatrix.assertNotSecretName" -}}
{{- $upper := upper .key -}}
{{- range list "PASSWORD" "SECRET" "TOKEN" "KEY" "CREDENTIAL" -}}
{{- if contains . $upper -}}
{{- fail (printf "services.%s.env.%s looks like a secret: reference a Secret with secretEnv instead" $.name $.key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A NetworkPolicy egress rule to external peers on ports; without peers any address on those ports. */}}
{{- define "docmatrix.egressRule" -}}
- ports:
    {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
  {{- with .peers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
