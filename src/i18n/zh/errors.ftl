# minspect zh/errors.ftl：下层（domain、store、sync）发现的问题，以 id 表示。
