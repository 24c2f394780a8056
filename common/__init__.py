"""The ground floor: pieces every app may import (text tools, API wiring); imports no app."""
