namespace ServerlessDeploy.Core.Health;

/// <summary>
/// The JSON shape of every field KubernetesClient 21.0.8's models declare for the kinds whose rules check a shape (see
/// <see cref="ShapeCheck"/>), and of everything those models hold: a model's name, then a line per field with the
/// field's JSON name and its kind. A kind is string, integer (32-bit), integer64, boolean, timestamp, int-or-string,
/// quantity, base64 (a byte array), any (an untyped object), [kind] (an array of it), {kind} (an object of it), or
/// another model; ":not-null" marks a field the model types as a value, so that null cannot convert to it.
/// </summary>
/// <remarks>
/// Written once from the models by a throwaway reflection program, so that the check answers as converting to them did
/// without keeping them in the image: they were ~16% of the Lambda binary's nodes, and about a fifth of its init time went with them.
/// </remarks>
internal static class ModelShapeTable
{
    public const string Text = """
        Apiregistrationv1ServiceReference
            name string
            namespace string
            port integer
        Corev1ResourceClaim
            name string
            request string
        V1APIService
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1APIServiceSpec
            status V1APIServiceStatus
        V1APIServiceCondition
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1APIServiceSpec
            caBundle base64
            group string
            groupPriorityMinimum integer:not-null
            insecureSkipTLSVerify boolean
            service Apiregistrationv1ServiceReference
            version string
            versionPriority integer:not-null
        V1APIServiceStatus
            conditions [V1APIServiceCondition]
        V1AWSElasticBlockStoreVolumeSource
            fsType string
            partition integer
            readOnly boolean
            volumeID string
        V1Affinity
            nodeAffinity V1NodeAffinity
            podAffinity V1PodAffinity
            podAntiAffinity V1PodAntiAffinity
        V1AppArmorProfile
            localhostProfile string
            type string
        V1AzureDiskVolumeSource
            cachingMode string
            diskName string
            diskURI string
            fsType string
            kind string
            readOnly boolean
        V1AzureFileVolumeSource
            readOnly boolean
            secretName string
            shareName string
        V1CSIVolumeSource
            driver string
            fsType string
            nodePublishSecretRef V1LocalObjectReference
            readOnly boolean
            volumeAttributes {string}
        V1Capabilities
            add [string]
            drop [string]
        V1CephFSVolumeSource
            monitors [string]
            path string
            readOnly boolean
            secretFile string
            secretRef V1LocalObjectReference
            user string
        V1CinderVolumeSource
            fsType string
            readOnly boolean
            secretRef V1LocalObjectReference
            volumeID string
        V1ClientIPConfig
            timeoutSeconds integer
        V1ClusterTrustBundleProjection
            labelSelector V1LabelSelector
            name string
            optional boolean
            path string
            signerName string
            user integer64
        V1Condition
            lastTransitionTime timestamp:not-null
            message string
            observedGeneration integer64
            reason string
            status string
            type string
        V1ConfigMapEnvSource
            name string
            optional boolean
        V1ConfigMapKeySelector
            key string
            name string
            optional boolean
        V1ConfigMapProjection
            items [V1KeyToPath]
            name string
            optional boolean
        V1ConfigMapVolumeSource
            defaultMode integer
            defaultUser integer64
            items [V1KeyToPath]
            name string
            optional boolean
        V1Container
            args [string]
            command [string]
            env [V1EnvVar]
            envFrom [V1EnvFromSource]
            image string
            imagePullPolicy string
            lifecycle V1Lifecycle
            livenessProbe V1Probe
            name string
            ports [V1ContainerPort]
            readinessProbe V1Probe
            resizePolicy [V1ContainerResizePolicy]
            resources V1ResourceRequirements
            restartPolicy string
            restartPolicyRules [V1ContainerRestartRule]
            securityContext V1SecurityContext
            startupProbe V1Probe
            stdin boolean
            stdinOnce boolean
            terminationMessagePath string
            terminationMessagePolicy string
            tty boolean
            volumeDevices [V1VolumeDevice]
            volumeMounts [V1VolumeMount]
            workingDir string
        V1ContainerExtendedResourceRequest
            containerName string
            requestName string
            resourceName string
        V1ContainerPort
            containerPort integer:not-null
            hostIP string
            hostPort integer
            name string
            protocol string
        V1ContainerResizePolicy
            resourceName string
            restartPolicy string
        V1ContainerRestartRule
            action string
            exitCodes V1ContainerRestartRuleOnExitCodes
        V1ContainerRestartRuleOnExitCodes
            operator string
            values [integer]
        V1ContainerState
            running V1ContainerStateRunning
            terminated V1ContainerStateTerminated
            waiting V1ContainerStateWaiting
        V1ContainerStateRunning
            startedAt timestamp
        V1ContainerStateTerminated
            containerID string
            exitCode integer:not-null
            finishedAt timestamp
            message string
            reason string
            signal integer
            startedAt timestamp
        V1ContainerStateWaiting
            message string
            reason string
        V1ContainerStatus
            allocatedResources {quantity}
            allocatedResourcesStatus [V1ResourceStatus]
            containerID string
            image string
            imageID string
            lastState V1ContainerState
            name string
            ready boolean:not-null
            resources V1ResourceRequirements
            restartCount integer:not-null
            started boolean
            state V1ContainerState
            stopSignal string
            user V1ContainerUser
            volumeMounts [V1VolumeMountStatus]
        V1ContainerUser
            linux V1LinuxContainerUser
        V1DaemonSet
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1DaemonSetSpec
            status V1DaemonSetStatus
        V1DaemonSetCondition
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1DaemonSetSpec
            minReadySeconds integer
            revisionHistoryLimit integer
            selector V1LabelSelector
            template V1PodTemplateSpec
            updateStrategy V1DaemonSetUpdateStrategy
        V1DaemonSetStatus
            collisionCount integer
            conditions [V1DaemonSetCondition]
            currentNumberScheduled integer:not-null
            desiredNumberScheduled integer:not-null
            numberAvailable integer
            numberMisscheduled integer:not-null
            numberReady integer:not-null
            numberUnavailable integer
            observedGeneration integer64
            updatedNumberScheduled integer
        V1DaemonSetUpdateStrategy
            rollingUpdate V1RollingUpdateDaemonSet
            type string
        V1Deployment
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1DeploymentSpec
            status V1DeploymentStatus
        V1DeploymentCondition
            lastTransitionTime timestamp
            lastUpdateTime timestamp
            message string
            reason string
            status string
            type string
        V1DeploymentSpec
            minReadySeconds integer
            paused boolean
            progressDeadlineSeconds integer
            replicas integer
            revisionHistoryLimit integer
            selector V1LabelSelector
            strategy V1DeploymentStrategy
            template V1PodTemplateSpec
        V1DeploymentStatus
            availableReplicas integer
            collisionCount integer
            conditions [V1DeploymentCondition]
            observedGeneration integer64
            readyReplicas integer
            replicas integer
            terminatingReplicas integer
            unavailableReplicas integer
            updatedReplicas integer
        V1DeploymentStrategy
            rollingUpdate V1RollingUpdateDeployment
            type string
        V1DownwardAPIProjection
            items [V1DownwardAPIVolumeFile]
        V1DownwardAPIVolumeFile
            fieldRef V1ObjectFieldSelector
            mode integer
            path string
            resourceFieldRef V1ResourceFieldSelector
            user integer64
        V1DownwardAPIVolumeSource
            defaultMode integer
            defaultUser integer64
            items [V1DownwardAPIVolumeFile]
        V1EmptyDirVolumeSource
            medium string
            mode integer
            sizeLimit quantity
        V1EnvFromSource
            configMapRef V1ConfigMapEnvSource
            prefix string
            secretRef V1SecretEnvSource
        V1EnvVar
            name string
            value string
            valueFrom V1EnvVarSource
        V1EnvVarSource
            configMapKeyRef V1ConfigMapKeySelector
            fieldRef V1ObjectFieldSelector
            fileKeyRef V1FileKeySelector
            resourceFieldRef V1ResourceFieldSelector
            secretKeyRef V1SecretKeySelector
        V1EphemeralContainer
            args [string]
            command [string]
            env [V1EnvVar]
            envFrom [V1EnvFromSource]
            image string
            imagePullPolicy string
            lifecycle V1Lifecycle
            livenessProbe V1Probe
            name string
            ports [V1ContainerPort]
            readinessProbe V1Probe
            resizePolicy [V1ContainerResizePolicy]
            resources V1ResourceRequirements
            restartPolicy string
            restartPolicyRules [V1ContainerRestartRule]
            securityContext V1SecurityContext
            startupProbe V1Probe
            stdin boolean
            stdinOnce boolean
            targetContainerName string
            terminationMessagePath string
            terminationMessagePolicy string
            tty boolean
            volumeDevices [V1VolumeDevice]
            volumeMounts [V1VolumeMount]
            workingDir string
        V1EphemeralVolumeSource
            volumeClaimTemplate V1PersistentVolumeClaimTemplate
        V1EvictionResponder
            name string
            priority integer:not-null
        V1ExecAction
            command [string]
        V1FCVolumeSource
            fsType string
            lun integer
            readOnly boolean
            targetWWNs [string]
            wwids [string]
        V1FileKeySelector
            key string
            optional boolean
            path string
            volumeName string
        V1FlexVolumeSource
            driver string
            fsType string
            options {string}
            readOnly boolean
            secretRef V1LocalObjectReference
        V1FlockerVolumeSource
            datasetName string
            datasetUUID string
        V1GCEPersistentDiskVolumeSource
            fsType string
            partition integer
            pdName string
            readOnly boolean
        V1GRPCAction
            mode string
            port integer:not-null
            service string
        V1GitRepoVolumeSource
            directory string
            repository string
            revision string
        V1GlusterfsVolumeSource
            endpoints string
            path string
            readOnly boolean
        V1HTTPGetAction
            host string
            httpHeaders [V1HTTPHeader]
            path string
            port int-or-string
            protocol string
            scheme string
        V1HTTPHeader
            name string
            value string
        V1HostAlias
            hostnames [string]
            ip string
        V1HostIP
            ip string
        V1HostPathVolumeSource
            path string
            type string
        V1ISCSIVolumeSource
            chapAuthDiscovery boolean
            chapAuthSession boolean
            fsType string
            initiatorName string
            iqn string
            iscsiInterface string
            lun integer:not-null
            portals [string]
            readOnly boolean
            secretRef V1LocalObjectReference
            targetPortal string
        V1ImageVolumeSource
            pullPolicy string
            reference string
        V1ImageVolumeStatus
            imageRef string
        V1Job
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1JobSpec
            status V1JobStatus
        V1JobCondition
            lastProbeTime timestamp
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1JobSchedulingConfiguration
            disruptionMode V1alpha3WorkloadPodGroupDisruptionMode
            resourceClaims [V1alpha3WorkloadPodGroupResourceClaim]
            schedulingConstraints V1alpha3WorkloadPodGroupSchedulingConstraints
            schedulingPolicy V1alpha3WorkloadPodGroupSchedulingPolicy
        V1JobSpec
            activeDeadlineSeconds integer64
            backoffLimit integer
            backoffLimitPerIndex integer
            completionMode string
            completions integer
            managedBy string
            manualSelector boolean
            maxFailedIndexes integer
            parallelism integer
            podFailurePolicy V1PodFailurePolicy
            podReplacementPolicy string
            scheduling V1JobSchedulingConfiguration
            selector V1LabelSelector
            successPolicy V1SuccessPolicy
            suspend boolean
            template V1PodTemplateSpec
            ttlSecondsAfterFinished integer
        V1JobStatus
            active integer
            completedIndexes string
            completionTime timestamp
            conditions [V1JobCondition]
            failed integer
            failedIndexes string
            ready integer
            startTime timestamp
            succeeded integer
            terminating integer
            uncountedTerminatedPods V1UncountedTerminatedPods
        V1KeyToPath
            key string
            mode integer
            path string
            user integer64
        V1LabelSelector
            matchExpressions [V1LabelSelectorRequirement]
            matchLabels {string}
        V1LabelSelectorRequirement
            key string
            operator string
            values [string]
        V1Lifecycle
            postStart V1LifecycleHandler
            preStop V1LifecycleHandler
            stopSignal string
        V1LifecycleHandler
            exec V1ExecAction
            httpGet V1HTTPGetAction
            sleep V1SleepAction
            tcpSocket V1TCPSocketAction
        V1LinuxContainerUser
            gid integer64:not-null
            supplementalGroups [integer64]
            uid integer64:not-null
        V1LoadBalancerIngress
            hostname string
            ip string
            ipMode string
            ports [V1PortStatus]
        V1LoadBalancerStatus
            ingress [V1LoadBalancerIngress]
        V1LocalObjectReference
            name string
        V1ManagedFieldsEntry
            apiVersion string
            fieldsType string
            fieldsV1 any
            manager string
            operation string
            subresource string
            time timestamp
        V1ModifyVolumeStatus
            status string
            targetVolumeAttributesClassName string
        V1NFSVolumeSource
            path string
            readOnly boolean
            server string
        V1NodeAffinity
            preferredDuringSchedulingIgnoredDuringExecution [V1PreferredSchedulingTerm]
            requiredDuringSchedulingIgnoredDuringExecution V1NodeSelector
        V1NodeAllocatableMappedResources
            name string
            quantity quantity
        V1NodeAllocatableOverheadResources
            name string
            perContainer quantity
            perPod quantity
        V1NodeAllocatableResourceClaimStatus
            containers [string]
            mapping [V1NodeAllocatableMappedResources]
            overhead [V1NodeAllocatableOverheadResources]
            resourceClaimName string
        V1NodeSelector
            nodeSelectorTerms [V1NodeSelectorTerm]
        V1NodeSelectorRequirement
            key string
            operator string
            values [string]
        V1NodeSelectorTerm
            matchExpressions [V1NodeSelectorRequirement]
            matchFields [V1NodeSelectorRequirement]
        V1ObjectFieldSelector
            apiVersion string
            fieldPath string
        V1ObjectMeta
            annotations {string}
            creationTimestamp timestamp
            deletionGracePeriodSeconds integer64
            deletionTimestamp timestamp
            finalizers [string]
            generateName string
            generation integer64
            labels {string}
            managedFields [V1ManagedFieldsEntry]
            name string
            namespace string
            ownerReferences [V1OwnerReference]
            resourceVersion string
            selfLink string
            uid string
        V1OwnerReference
            apiVersion string
            blockOwnerDeletion boolean
            controller boolean
            kind string
            name string
            uid string
        V1PersistentVolumeClaim
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1PersistentVolumeClaimSpec
            status V1PersistentVolumeClaimStatus
        V1PersistentVolumeClaimCondition
            lastProbeTime timestamp
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1PersistentVolumeClaimSpec
            accessModes [string]
            dataSource V1TypedLocalObjectReference
            dataSourceRef V1TypedObjectReference
            resources V1VolumeResourceRequirements
            selector V1LabelSelector
            storageClassName string
            volumeAttributesClassName string
            volumeMode string
            volumeName string
        V1PersistentVolumeClaimStatus
            accessModes [string]
            allocatedResourceStatuses {string}
            allocatedResources {quantity}
            capacity {quantity}
            conditions [V1PersistentVolumeClaimCondition]
            currentVolumeAttributesClassName string
            healthStatus V1VolumeHealthStatus
            modifyVolumeStatus V1ModifyVolumeStatus
            phase string
        V1PersistentVolumeClaimTemplate
            metadata V1ObjectMeta
            spec V1PersistentVolumeClaimSpec
        V1PersistentVolumeClaimVolumeSource
            claimName string
            readOnly boolean
        V1PhotonPersistentDiskVolumeSource
            fsType string
            pdID string
        V1Pod
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1PodSpec
            status V1PodStatus
        V1PodAffinity
            preferredDuringSchedulingIgnoredDuringExecution [V1WeightedPodAffinityTerm]
            requiredDuringSchedulingIgnoredDuringExecution [V1PodAffinityTerm]
        V1PodAffinityTerm
            labelSelector V1LabelSelector
            matchLabelKeys [string]
            mismatchLabelKeys [string]
            namespaceSelector V1LabelSelector
            namespaces [string]
            topologyKey string
        V1PodAntiAffinity
            preferredDuringSchedulingIgnoredDuringExecution [V1WeightedPodAffinityTerm]
            requiredDuringSchedulingIgnoredDuringExecution [V1PodAffinityTerm]
        V1PodCertificateProjection
            certificateChainPath string
            credentialBundlePath string
            keyPath string
            keyType string
            maxExpirationSeconds integer
            signerName string
            user integer64
            userAnnotations {string}
        V1PodCondition
            lastProbeTime timestamp
            lastTransitionTime timestamp
            message string
            observedGeneration integer64
            reason string
            status string
            type string
        V1PodDNSConfig
            nameservers [string]
            options [V1PodDNSConfigOption]
            searches [string]
        V1PodDNSConfigOption
            name string
            value string
        V1PodExtendedResourceClaimStatus
            requestMappings [V1ContainerExtendedResourceRequest]
            resourceClaimName string
        V1PodFailurePolicy
            rules [V1PodFailurePolicyRule]
        V1PodFailurePolicyOnExitCodesRequirement
            containerName string
            operator string
            values [integer:not-null]
        V1PodFailurePolicyOnPodConditionsPattern
            status string
            type string
        V1PodFailurePolicyRule
            action string
            onExitCodes V1PodFailurePolicyOnExitCodesRequirement
            onPodConditions [V1PodFailurePolicyOnPodConditionsPattern]
        V1PodIP
            ip string
        V1PodOS
            name string
        V1PodReadinessGate
            conditionType string
        V1PodResourceClaim
            name string
            resourceClaimName string
            resourceClaimTemplateName string
        V1PodResourceClaimStatus
            name string
            resourceClaimName string
        V1PodSchedulingGate
            name string
        V1PodSchedulingGroup
            podGroupName string
        V1PodSecurityContext
            appArmorProfile V1AppArmorProfile
            fsGroup integer64
            fsGroupChangePolicy string
            runAsGroup integer64
            runAsNonRoot boolean
            runAsUser integer64
            seLinuxChangePolicy string
            seLinuxOptions V1SELinuxOptions
            seccompProfile V1SeccompProfile
            supplementalGroups [integer64]
            supplementalGroupsPolicy string
            sysctls [V1Sysctl]
            windowsOptions V1WindowsSecurityContextOptions
        V1PodSpec
            activeDeadlineSeconds integer64
            affinity V1Affinity
            automountServiceAccountToken boolean
            containers [V1Container]
            dnsConfig V1PodDNSConfig
            dnsPolicy string
            enableServiceLinks boolean
            ephemeralContainers [V1EphemeralContainer]
            evictionResponders [V1EvictionResponder]
            hostAliases [V1HostAlias]
            hostIPC boolean
            hostNetwork boolean
            hostPID boolean
            hostUsers boolean
            hostname string
            hostnameOverride string
            imagePullSecrets [V1LocalObjectReference]
            initContainers [V1Container]
            nodeName string
            nodeSelector {string}
            os V1PodOS
            overhead {quantity}
            preemptionPolicy string
            priority integer
            priorityClassName string
            readinessGates [V1PodReadinessGate]
            resourceClaims [V1PodResourceClaim]
            resources V1ResourceRequirements
            restartPolicy string
            runtimeClassName string
            schedulerName string
            schedulingGates [V1PodSchedulingGate]
            schedulingGroup V1PodSchedulingGroup
            securityContext V1PodSecurityContext
            serviceAccount string
            serviceAccountName string
            setHostnameAsFQDN boolean
            shareProcessNamespace boolean
            subdomain string
            terminationGracePeriodSeconds integer64
            tolerations [V1Toleration]
            topologySpreadConstraints [V1TopologySpreadConstraint]
            volumes [V1Volume]
        V1PodStatus
            allocatedResources {quantity}
            conditions [V1PodCondition]
            containerStatuses [V1ContainerStatus]
            ephemeralContainerStatuses [V1ContainerStatus]
            extendedResourceClaimStatus V1PodExtendedResourceClaimStatus
            hostIP string
            hostIPs [V1HostIP]
            initContainerStatuses [V1ContainerStatus]
            message string
            nodeAllocatableResourceClaimStatuses [V1NodeAllocatableResourceClaimStatus]
            nominatedNodeName string
            observedGeneration integer64
            phase string
            podIP string
            podIPs [V1PodIP]
            qosClass string
            reason string
            resize string
            resourceClaimStatuses [V1PodResourceClaimStatus]
            resources V1ResourceRequirements
            startTime timestamp
            volumeHealth [V1PodVolumeHealth]
        V1PodTemplateSpec
            metadata V1ObjectMeta
            spec V1PodSpec
        V1PodVolumeHealth
            healthConditions [V1VolumeHealthCondition]
            lastTransitionTime timestamp
            name string
        V1PortStatus
            error string
            port integer:not-null
            protocol string
        V1PortworxVolumeSource
            fsType string
            readOnly boolean
            volumeID string
        V1PreferredSchedulingTerm
            preference V1NodeSelectorTerm
            weight integer:not-null
        V1Probe
            exec V1ExecAction
            failureThreshold integer
            grpc V1GRPCAction
            httpGet V1HTTPGetAction
            initialDelaySeconds integer
            periodSeconds integer
            successThreshold integer
            tcpSocket V1TCPSocketAction
            terminationGracePeriodSeconds integer64
            timeoutSeconds integer
        V1ProjectedVolumeSource
            defaultMode integer
            defaultUser integer64
            sources [V1VolumeProjection]
        V1QuobyteVolumeSource
            group string
            readOnly boolean
            registry string
            tenant string
            user string
            volume string
        V1RBDVolumeSource
            fsType string
            image string
            keyring string
            monitors [string]
            pool string
            readOnly boolean
            secretRef V1LocalObjectReference
            user string
        V1ReplicaSet
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1ReplicaSetSpec
            status V1ReplicaSetStatus
        V1ReplicaSetCondition
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1ReplicaSetSpec
            minReadySeconds integer
            replicas integer
            selector V1LabelSelector
            template V1PodTemplateSpec
        V1ReplicaSetStatus
            availableReplicas integer
            conditions [V1ReplicaSetCondition]
            fullyLabeledReplicas integer
            observedGeneration integer64
            readyReplicas integer
            replicas integer:not-null
            terminatingReplicas integer
        V1ResourceFieldSelector
            containerName string
            divisor quantity
            resource string
        V1ResourceHealth
            health string
            message string
            resourceID string
        V1ResourceRequirements
            claims [Corev1ResourceClaim]
            limits {quantity}
            requests {quantity}
        V1ResourceStatus
            name string
            resources [V1ResourceHealth]
        V1RollingUpdateDaemonSet
            maxSurge int-or-string
            maxUnavailable int-or-string
        V1RollingUpdateDeployment
            maxSurge int-or-string
            maxUnavailable int-or-string
        V1RollingUpdateStatefulSetStrategy
            maxUnavailable int-or-string
            partition integer
        V1SELinuxOptions
            level string
            role string
            type string
            user string
        V1ScaleIOVolumeSource
            fsType string
            gateway string
            protectionDomain string
            readOnly boolean
            secretRef V1LocalObjectReference
            sslEnabled boolean
            storageMode string
            storagePool string
            system string
            volumeName string
        V1SeccompProfile
            localhostProfile string
            type string
        V1SecretEnvSource
            name string
            optional boolean
        V1SecretKeySelector
            key string
            name string
            optional boolean
        V1SecretProjection
            items [V1KeyToPath]
            name string
            optional boolean
        V1SecretVolumeSource
            defaultMode integer
            defaultUser integer64
            items [V1KeyToPath]
            optional boolean
            secretName string
        V1SecurityContext
            allowPrivilegeEscalation boolean
            appArmorProfile V1AppArmorProfile
            capabilities V1Capabilities
            privileged boolean
            procMount string
            readOnlyRootFilesystem boolean
            runAsGroup integer64
            runAsNonRoot boolean
            runAsUser integer64
            seLinuxOptions V1SELinuxOptions
            seccompProfile V1SeccompProfile
            windowsOptions V1WindowsSecurityContextOptions
        V1Service
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1ServiceSpec
            status V1ServiceStatus
        V1ServiceAccountTokenProjection
            audience string
            expirationSeconds integer64
            path string
            user integer64
        V1ServicePort
            appProtocol string
            name string
            nodePort integer
            port integer:not-null
            protocol string
            targetPort int-or-string
        V1ServiceSpec
            allocateLoadBalancerNodePorts boolean
            clusterIP string
            clusterIPs [string]
            externalIPs [string]
            externalName string
            externalTrafficPolicy string
            healthCheckNodePort integer
            internalTrafficPolicy string
            ipFamilies [string]
            ipFamilyPolicy string
            loadBalancerClass string
            loadBalancerIP string
            loadBalancerSourceRanges [string]
            ports [V1ServicePort]
            publishNotReadyAddresses boolean
            selector {string}
            sessionAffinity string
            sessionAffinityConfig V1SessionAffinityConfig
            trafficDistribution string
            type string
        V1ServiceStatus
            conditions [V1Condition]
            loadBalancer V1LoadBalancerStatus
        V1SessionAffinityConfig
            clientIP V1ClientIPConfig
        V1SleepAction
            seconds integer64:not-null
        V1StatefulSet
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V1StatefulSetSpec
            status V1StatefulSetStatus
        V1StatefulSetCondition
            lastTransitionTime timestamp
            message string
            reason string
            status string
            type string
        V1StatefulSetOrdinals
            start integer
        V1StatefulSetPersistentVolumeClaimRetentionPolicy
            whenDeleted string
            whenScaled string
        V1StatefulSetSpec
            minReadySeconds integer
            ordinals V1StatefulSetOrdinals
            persistentVolumeClaimRetentionPolicy V1StatefulSetPersistentVolumeClaimRetentionPolicy
            podManagementPolicy string
            replicas integer
            revisionHistoryLimit integer
            selector V1LabelSelector
            serviceName string
            template V1PodTemplateSpec
            updateStrategy V1StatefulSetUpdateStrategy
            volumeClaimTemplates [V1PersistentVolumeClaim]
        V1StatefulSetStatus
            availableReplicas integer
            collisionCount integer
            conditions [V1StatefulSetCondition]
            currentReplicas integer
            currentRevision string
            observedGeneration integer64
            readyReplicas integer
            replicas integer:not-null
            updateRevision string
            updatedReplicas integer
        V1StatefulSetUpdateStrategy
            rollingUpdate V1RollingUpdateStatefulSetStrategy
            type string
        V1StorageOSVolumeSource
            fsType string
            readOnly boolean
            secretRef V1LocalObjectReference
            volumeName string
            volumeNamespace string
        V1SuccessPolicy
            rules [V1SuccessPolicyRule]
        V1SuccessPolicyRule
            succeededCount integer
            succeededIndexes string
        V1Sysctl
            name string
            value string
        V1TCPSocketAction
            host string
            port int-or-string
        V1Toleration
            effect string
            key string
            operator string
            tolerationSeconds integer64
            value string
        V1TopologySpreadConstraint
            labelSelector V1LabelSelector
            matchLabelKeys [string]
            maxSkew integer:not-null
            minDomains integer
            nodeAffinityPolicy string
            nodeTaintsPolicy string
            topologyKey string
            whenUnsatisfiable string
        V1TypedLocalObjectReference
            apiGroup string
            kind string
            name string
        V1TypedObjectReference
            apiGroup string
            kind string
            name string
            namespace string
        V1UncountedTerminatedPods
            failed [string]
            succeeded [string]
        V1Volume
            awsElasticBlockStore V1AWSElasticBlockStoreVolumeSource
            azureDisk V1AzureDiskVolumeSource
            azureFile V1AzureFileVolumeSource
            cephfs V1CephFSVolumeSource
            cinder V1CinderVolumeSource
            configMap V1ConfigMapVolumeSource
            csi V1CSIVolumeSource
            downwardAPI V1DownwardAPIVolumeSource
            emptyDir V1EmptyDirVolumeSource
            ephemeral V1EphemeralVolumeSource
            fc V1FCVolumeSource
            flexVolume V1FlexVolumeSource
            flocker V1FlockerVolumeSource
            gcePersistentDisk V1GCEPersistentDiskVolumeSource
            gitRepo V1GitRepoVolumeSource
            glusterfs V1GlusterfsVolumeSource
            hostPath V1HostPathVolumeSource
            image V1ImageVolumeSource
            iscsi V1ISCSIVolumeSource
            name string
            nfs V1NFSVolumeSource
            persistentVolumeClaim V1PersistentVolumeClaimVolumeSource
            photonPersistentDisk V1PhotonPersistentDiskVolumeSource
            portworxVolume V1PortworxVolumeSource
            projected V1ProjectedVolumeSource
            quobyte V1QuobyteVolumeSource
            rbd V1RBDVolumeSource
            scaleIO V1ScaleIOVolumeSource
            secret V1SecretVolumeSource
            storageos V1StorageOSVolumeSource
            vsphereVolume V1VsphereVirtualDiskVolumeSource
        V1VolumeDevice
            devicePath string
            name string
        V1VolumeHealthCondition
            message string
            reason string
            status string
        V1VolumeHealthStatus
            healthConditions [V1VolumeHealthCondition]
            lastTransitionTime timestamp
        V1VolumeMount
            bindMountOptions [string]
            mountPath string
            mountPropagation string
            name string
            readOnly boolean
            recursiveReadOnly string
            subPath string
            subPathExpr string
        V1VolumeMountStatus
            mountPath string
            name string
            readOnly boolean
            recursiveReadOnly string
            volumeStatus V1VolumeStatus
        V1VolumeProjection
            clusterTrustBundle V1ClusterTrustBundleProjection
            configMap V1ConfigMapProjection
            downwardAPI V1DownwardAPIProjection
            podCertificate V1PodCertificateProjection
            secret V1SecretProjection
            serviceAccountToken V1ServiceAccountTokenProjection
        V1VolumeResourceRequirements
            limits {quantity}
            requests {quantity}
        V1VolumeStatus
            image V1ImageVolumeStatus
        V1VsphereVirtualDiskVolumeSource
            fsType string
            storagePolicyID string
            storagePolicyName string
            volumePath string
        V1WeightedPodAffinityTerm
            podAffinityTerm V1PodAffinityTerm
            weight integer:not-null
        V1WindowsSecurityContextOptions
            gmsaCredentialSpec string
            gmsaCredentialSpecName string
            hostProcess boolean
            runAsUserName string
        V1alpha3TopologyConstraint
            key string
        V1alpha3WorkloadPodGroupDisruptionMode
            all any
            single any
        V1alpha3WorkloadPodGroupGangSchedulingPolicy
            minCount integer
        V1alpha3WorkloadPodGroupResourceClaim
            name string
            resourceClaimName string
            resourceClaimTemplateName string
        V1alpha3WorkloadPodGroupSchedulingConstraints
            topology [V1alpha3TopologyConstraint]
        V1alpha3WorkloadPodGroupSchedulingPolicy
            basic any
            gang V1alpha3WorkloadPodGroupGangSchedulingPolicy
        V2ContainerResourceMetricSource
            container string
            name string
            target V2MetricTarget
        V2ContainerResourceMetricStatus
            container string
            current V2MetricValueStatus
            name string
        V2CrossVersionObjectReference
            apiVersion string
            kind string
            name string
        V2ExternalMetricSource
            metric V2MetricIdentifier
            target V2MetricTarget
        V2ExternalMetricStatus
            current V2MetricValueStatus
            metric V2MetricIdentifier
        V2HPAScalingPolicy
            periodSeconds integer:not-null
            type string
            value integer:not-null
        V2HPAScalingRules
            policies [V2HPAScalingPolicy]
            selectPolicy string
            stabilizationWindowSeconds integer
            tolerance quantity
        V2HorizontalPodAutoscaler
            apiVersion string
            kind string
            metadata V1ObjectMeta
            spec V2HorizontalPodAutoscalerSpec
            status V2HorizontalPodAutoscalerStatus
        V2HorizontalPodAutoscalerBehavior
            scaleDown V2HPAScalingRules
            scaleUp V2HPAScalingRules
        V2HorizontalPodAutoscalerCondition
            lastTransitionTime timestamp
            message string
            observedGeneration integer64
            reason string
            status string
            type string
        V2HorizontalPodAutoscalerSpec
            behavior V2HorizontalPodAutoscalerBehavior
            maxReplicas integer:not-null
            metrics [V2MetricSpec]
            minReplicas integer
            scaleTargetRef V2CrossVersionObjectReference
        V2HorizontalPodAutoscalerStatus
            conditions [V2HorizontalPodAutoscalerCondition]
            currentMetrics [V2MetricStatus]
            currentReplicas integer
            desiredReplicas integer:not-null
            lastScaleTime timestamp
            observedGeneration integer64
        V2MetricIdentifier
            name string
            selector V1LabelSelector
        V2MetricSpec
            containerResource V2ContainerResourceMetricSource
            external V2ExternalMetricSource
            object V2ObjectMetricSource
            pods V2PodsMetricSource
            resource V2ResourceMetricSource
            type string
        V2MetricStatus
            containerResource V2ContainerResourceMetricStatus
            external V2ExternalMetricStatus
            object V2ObjectMetricStatus
            pods V2PodsMetricStatus
            resource V2ResourceMetricStatus
            type string
        V2MetricTarget
            averageUtilization integer
            averageValue quantity
            type string
            value quantity
        V2MetricValueStatus
            averageUtilization integer
            averageValue quantity
            value quantity
        V2ObjectMetricSource
            describedObject V2CrossVersionObjectReference
            metric V2MetricIdentifier
            target V2MetricTarget
        V2ObjectMetricStatus
            current V2MetricValueStatus
            describedObject V2CrossVersionObjectReference
            metric V2MetricIdentifier
        V2PodsMetricSource
            metric V2MetricIdentifier
            target V2MetricTarget
        V2PodsMetricStatus
            current V2MetricValueStatus
            metric V2MetricIdentifier
        V2ResourceMetricSource
            name string
            target V2MetricTarget
        V2ResourceMetricStatus
            current V2MetricValueStatus
            name string
        """;
}
