# minspect en/errors.ftl: problems found by the layers below (domain, store, sync), as ids.
