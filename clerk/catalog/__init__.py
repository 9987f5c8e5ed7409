"""The matter catalog (事项目录): model, file format and search. No Qt.

Typical use::

    from clerk.catalog import CatalogIndex, load_bundled_catalog

    index = CatalogIndex(load_bundled_catalog())
    index.search("dbsq")  # → [最低生活保障申请]
"""

from clerk.catalog.loader import (
    CATALOG_FORMAT,
    CATALOG_VERSION,
    CatalogError,
    CatalogProblem,
    bundled_catalog_dir,
    dump_catalog,
    load_bundled_catalog,
    load_catalog_dir,
    load_catalog_file,
    matter_from_dict,
    matter_to_dict,
    parse_catalog,
)
from clerk.catalog.model import (
    MAX_CODE_LENGTH,
    CaseKind,
    FeeItem,
    FieldType,
    FormField,
    HandlingLevel,
    Material,
    MaterialForm,
    MaterialSource,
    Matter,
    MatterType,
    Necessity,
    ServiceObject,
    SpecialProcedure,
)
from clerk.catalog.search import CatalogIndex

__all__ = [
    "CATALOG_FORMAT",
    "CATALOG_VERSION",
    "MAX_CODE_LENGTH",
    "CaseKind",
    "CatalogError",
    "CatalogIndex",
    "CatalogProblem",
    "FeeItem",
    "FieldType",
    "FormField",
    "HandlingLevel",
    "Material",
    "MaterialForm",
    "MaterialSource",
    "Matter",
    "MatterType",
    "Necessity",
    "ServiceObject",
    "SpecialProcedure",
    "bundled_catalog_dir",
    "dump_catalog",
    "load_bundled_catalog",
    "load_catalog_dir",
    "load_catalog_file",
    "matter_from_dict",
    "matter_to_dict",
    "parse_catalog",
]
