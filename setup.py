"""Maps the repository's top-level ``schemas/`` and ``streams/`` folders to ``marsad.schemas``
and ``marsad.streams`` so the import names cannot clash with other installed packages."""

from setuptools import find_namespace_packages, setup

ROOTS = {"marsad.schemas": "schemas", "marsad.streams": "streams"}
packages = [
    name
    for prefix, folder in ROOTS.items()
    # namespace packages too: the data folders (resources/*, json) are packages to setuptools,
    # which will stop installing importable folders that are not declared
    for name in [prefix, *(f"{prefix}.{sub}" for sub in find_namespace_packages(folder, exclude=["*__pycache__*"]))]
]
setup(
    packages=[*packages, "marsad.seeds"],
    package_dir={**ROOTS, "marsad.seeds": "seeds"},
    package_data={
        "marsad.schemas": ["json/*.json", "asyncapi.json"],
        "marsad.streams": ["resources/**/*"],
        "marsad.seeds": ["*.json", "README.md"],
    },
)
