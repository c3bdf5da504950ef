"""Maps the repository's top-level ``schemas/`` and ``streams/`` folders to ``marsad.schemas``
and ``marsad.streams`` so the import names cannot clash with other installed packages."""

from setuptools import find_packages, setup

ROOTS = {"marsad.schemas": "schemas", "marsad.streams": "streams"}
packages = [
    name
    for prefix, folder in ROOTS.items()
    for name in [prefix, *(f"{prefix}.{sub}" for sub in find_packages(folder))]
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
