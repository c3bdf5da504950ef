# Marsad worker image. Build: docker build -t marsad .   (docker-compose.yml builds it for you)
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY schemas ./schemas
COPY streams ./streams
COPY seeds ./seeds
RUN pip install . && useradd --create-home marsad
USER marsad
EXPOSE 6066
ENTRYPOINT ["marsad"]
CMD ["worker"]
